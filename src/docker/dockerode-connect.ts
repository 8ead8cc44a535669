import type Docker from "dockerode";

import { errorMessage, GiniError } from "../errors.js";
import { dockerodeOptions } from "./engine-connection.js";
import { describeSource, type EngineEndpoint, resolveEngineEndpoint } from "./engine-endpoint.js";
import { knownHostsVerifier } from "./known-hosts.js";
import { dropUrlParseWarning } from "./url-parse-warning.js";

/** How to reach the engine. */
export interface DockerClientOptions {
  /** The --context flag: a Docker context that overrides DOCKER_HOST and DOCKER_CONTEXT. */
  context?: string;
}

/** One engine connection: the dockerode instance and what it was resolved from. */
export interface Connection {
  docker: Docker;
  resolved: EngineEndpoint;
  /** For an ssh engine: the host key check, and why it refused a key. */
  hostKey?: ReturnType<typeof knownHostsVerifier>;
}

/**
 * Resolves the endpoint and loads dockerode on first use: importing this folder stays cheap, and a
 * missing context surfaces as the first call's error (doctor reports it as its engine check).
 */
export async function connect(options: DockerClientOptions): Promise<Connection> {
  const resolved = resolveEngineEndpoint({ context: options.context });
  const dockerOptions = dockerodeOptions(resolved);
  let hostKey: Connection["hostKey"];
  if (dockerOptions.protocol === "ssh") {
    dropUrlParseWarning();
    hostKey = knownHostsVerifier(
      dockerOptions.host!,
      Number(dockerOptions.port),
      dockerOptions.username,
    );
    dockerOptions.sshOptions = { ...dockerOptions.sshOptions, hostVerifier: hostKey.verify };
  }
  const { default: Dockerode } = await import("dockerode");
  try {
    const docker = new Dockerode(dockerOptions);
    if (hostKey) failWithRefusal(docker, hostKey);
    return { docker, resolved, ...(hostKey ? { hostKey } : {}) };
  } catch (err) {
    // docker-modem reads DOCKER_HOST and DOCKER_CERT_PATH itself, and throws on what it cannot use.
    throw new GiniError(
      `cannot set up the engine connection to ${resolved.endpoint} (${describeSource(resolved.source)}): ${errorMessage(err)}`,
      { hint: "check DOCKER_HOST and DOCKER_CERT_PATH", cause: err },
    );
  }
}

/** docker-modem's one door for every API call: a request and the callback it answers. */
type Dial = (options: unknown, callback: (err: unknown, data?: unknown) => void) => void;

/**
 * Makes every API call that fails after a refused host key fail with that refusal, whichever call
 * reached the engine first (`status` asks several at once): ssh2 itself only says "Host denied".
 */
function failWithRefusal(docker: Docker, hostKey: NonNullable<Connection["hostKey"]>): void {
  const modem = docker.modem as { dial: Dial };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) =>
    dial(options, (err, data) => callback(err && (hostKey.refused ?? err), data));
}

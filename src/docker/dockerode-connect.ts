import type Docker from "dockerode";

import { errorMessage, GiniError } from "../errors.js";
import { dockerodeOptions } from "./engine-connection.js";
import { describeSource, type EngineEndpoint, resolveEngineEndpoint } from "./engine-endpoint.js";
import { notAnEngine } from "./engine-info.js";
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
}

/**
 * Resolves the endpoint and loads dockerode on first use: importing this folder stays cheap, and a
 * missing context surfaces as the first call's error (doctor reports it as its engine check).
 */
export async function connect(options: DockerClientOptions): Promise<Connection> {
  const resolved = resolveEngineEndpoint({ context: options.context });
  const dockerOptions = dockerodeOptions(resolved);
  // For an ssh engine: the host key check, and why it refused a key.
  let hostKey: ReturnType<typeof knownHostsVerifier> | undefined;
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
    const docker = withoutDockerHost(() => new Dockerode(dockerOptions));
    explainFailures(docker, (err) => hostKey?.refused ?? notAnEngine(err, resolved) ?? err);
    return { docker, resolved };
  } catch (err) {
    throw new GiniError(
      `cannot set up the engine connection to ${resolved.endpoint} (${describeSource(resolved.source)}): ${errorMessage(err)}`,
      { hint: "check DOCKER_HOST and DOCKER_CERT_PATH", cause: err },
    );
  }
}

/** docker-modem's one door for every API call: a request and the callback it answers. */
type Dial = (options: unknown, callback: (err: unknown, data?: unknown) => void) => void;

/**
 * Gives every failed API call the error that explains it, whichever call met it first (`status`
 * asks several at once): a refused ssh host key (ssh2 itself only says "Host denied"), or an
 * endpoint that is no Docker engine (docker-modem says "unexpected", or shows a web page).
 */
function explainFailures(docker: Docker, explain: (err: unknown) => unknown): void {
  const modem = docker.modem as { dial: Dial };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) =>
    dial(options, (err, data) => callback(err && explain(err), data));
}

/**
 * docker-modem reads DOCKER_HOST (and with it DOCKER_CERT_PATH's files) itself when constructed,
 * and throws on a cert file that does not exist, although a --context wins over them: gini has
 * resolved the endpoint already, so the modem is made without them.
 */
function withoutDockerHost<T>(make: () => T): T {
  const saved = process.env.DOCKER_HOST;
  delete process.env.DOCKER_HOST;
  try {
    return make();
  } finally {
    if (saved !== undefined) process.env.DOCKER_HOST = saved;
  }
}

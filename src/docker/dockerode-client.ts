import type Docker from "dockerode";

import { errorMessage, GiniError } from "../errors.js";
import type { DockerClient } from "./client.js";
import { toCreateOptions } from "./create-options.js";
import { toDetails, toInfo } from "./dockerode-mapping.js";
import { pullWithProgress, readLogs } from "./dockerode-streams.js";
import { dockerodeOptions } from "./engine-connection.js";
import { describeSource, type EngineEndpoint, resolveEngineEndpoint } from "./engine-endpoint.js";
import { isConflict, isNotFound } from "./engine-errors.js";
import { identifyEngine, unreachableError } from "./engine-info.js";
import { knownHostsVerifier } from "./known-hosts.js";
import { withInspectedPorts } from "./podman.js";
import { stopContainer } from "./stop-container.js";
import type { ContainerInfo, ContainerSpec, NetworkInfo } from "./types.js";
import { dropUrlParseWarning } from "./url-parse-warning.js";

const labelFilter = (labels: Record<string, string>) =>
  Object.entries(labels).map(([k, v]) => `${k}=${v}`);

/** How to reach the engine. */
export interface DockerClientOptions {
  /** The --context flag: a Docker context that overrides DOCKER_HOST and DOCKER_CONTEXT. */
  context?: string;
}

interface Connection {
  docker: Docker;
  resolved: EngineEndpoint;
  /** For an ssh engine: the host key check, and why it refused a key. */
  hostKey?: ReturnType<typeof knownHostsVerifier>;
}

/**
 * Resolves the endpoint and loads dockerode on first use: importing this folder stays cheap, and a
 * missing context surfaces as the first call's error (doctor reports it as its engine check).
 */
async function connect(options: DockerClientOptions): Promise<Connection> {
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

/**
 * The dockerode implementation of DockerClient; finds the engine like the docker CLI (see
 * engine-endpoint.ts). Long by nature: one short method per DockerClient member, sharing the one
 * dockerode instance.
 */
export function createDockerClient(options: DockerClientOptions = {}): DockerClient {
  let connection: Promise<Connection> | undefined;
  const connected = () => (connection ??= connect(options));
  const dockerode = async () => (await connected()).docker;
  const listNetworks = async (filters: Record<string, string[]>): Promise<NetworkInfo[]> =>
    (await (await dockerode()).listNetworks({ filters })).map((n) => ({
      id: n.Id,
      name: n.Name,
      labels: n.Labels ?? {},
    }));
  let podman: Promise<boolean> | undefined;
  const isPodman = async () =>
    (podman ??= (await dockerode()).version().then(
      (v) => identifyEngine(v).name === "Podman",
      () => false,
    ));
  const listContainers = async (filters: Record<string, string[]>): Promise<ContainerInfo[]> => {
    const docker = await dockerode();
    const infos = (await docker.listContainers({ all: true, filters })).map(toInfo);
    return (await isPodman()) ? withInspectedPorts(docker, infos) : infos;
  };

  return {
    async ping() {
      const { docker, resolved, hostKey } = await connected();
      try {
        await docker.ping();
      } catch (err) {
        throw hostKey?.refused ?? unreachableError(err, resolved);
      }
    },
    async version() {
      return (await (await dockerode()).version()).Version;
    },
    async engine() {
      const { docker, resolved, hostKey } = await connected();
      let doc: Docker.DockerVersion;
      try {
        doc = await docker.version();
      } catch (err) {
        throw hostKey?.refused ?? unreachableError(err, resolved);
      }
      return {
        ...identifyEngine(doc),
        endpoint: resolved.endpoint,
        source: describeSource(resolved.source),
      };
    },
    async imageId(ref) {
      try {
        return (await (await dockerode()).getImage(ref).inspect()).Id;
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    pullImage: async (ref, onProgress) => pullWithProgress(await dockerode(), ref, onProgress),
    listNetworks: (labels) => listNetworks({ label: labelFilter(labels) }),
    async inspectNetwork(name) {
      return (await listNetworks({ name: [name] })).find((n) => n.name === name);
    },
    // The name filter matches substrings.
    networksNamed: async (name) =>
      (await listNetworks({ name: [name] })).filter((n) => n.name === name),
    async createNetwork(name, labels) {
      await (
        await dockerode()
      ).createNetwork({
        Name: name,
        Driver: "bridge",
        Labels: labels,
        CheckDuplicate: true,
      });
    },
    async removeNetwork(id) {
      try {
        await (await dockerode()).getNetwork(id).remove();
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
    listContainers: (labels) => listContainers({ label: labelFilter(labels) }),
    async findContainer(name) {
      // Docker matches the filter against "/name", Podman against "name"; both take a regex.
      const exact = `^/?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
      return (await listContainers({ name: [exact] })).find((c) => c.name === name);
    },
    async inspectContainer(idOrName) {
      try {
        return toDetails(await (await dockerode()).getContainer(idOrName).inspect());
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async createContainer(spec: ContainerSpec) {
      return (await (await dockerode()).createContainer(toCreateOptions(spec))).id;
    },
    async startContainer(id) {
      await (await dockerode()).getContainer(id).start();
    },
    async removeContainer(id, stopTimeoutSeconds, options = {}) {
      const docker = await dockerode();
      const container = docker.getContainer(id);
      const onExit = options.onExit ?? (() => undefined);
      // Without a grace period, the forced removal's SIGKILL saves the stop's round trip.
      if (stopTimeoutSeconds > 0 && !(await stopContainer(docker, id, stopTimeoutSeconds, onExit)))
        return;
      try {
        await container.remove({ force: true, v: options.volumes ?? false });
      } catch (err) {
        // A conflict here is a removal already in progress.
        if (!isNotFound(err) && !isConflict(err)) throw err;
      }
    },
    logs: async (id, opts, onLine, signal) => readLogs(await dockerode(), id, opts, onLine, signal),
  };
}

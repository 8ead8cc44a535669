import type Docker from "dockerode";

import { GiniError } from "../errors.js";
import type { DockerClient } from "./client.js";
import { toCreateOptions } from "./create-options.js";
import { connect, type Connection, type DockerClientOptions } from "./dockerode-connect.js";
import { toDetails, toInfo } from "./dockerode-mapping.js";
import { pullWithProgress, readLogs } from "./dockerode-streams.js";
import { describeSource, type EngineEndpoint } from "./engine-endpoint.js";
import { isConflict, isNotFound } from "./engine-errors.js";
import { identifyEngine, unreachableError } from "./engine-info.js";
import { withInspectedPorts } from "./podman.js";
import { stopContainer } from "./stop-container.js";
import type { ContainerInfo, ContainerSpec, NetworkInfo } from "./types.js";

/** An error the connection already explained (a refused host key, no engine), else "not reachable". */
const explained = (err: unknown, resolved: EngineEndpoint) =>
  err instanceof GiniError ? err : unreachableError(err, resolved);

const labelFilter = (labels: Record<string, string>) =>
  Object.entries(labels).map(([k, v]) => `${k}=${v}`);

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
      const { docker, resolved } = await connected();
      try {
        await docker.ping();
      } catch (err) {
        throw explained(err, resolved);
      }
    },
    async version() {
      return (await (await dockerode()).version()).Version;
    },
    async engine() {
      const { docker, resolved } = await connected();
      let doc: Docker.DockerVersion;
      try {
        doc = await docker.version();
      } catch (err) {
        throw explained(err, resolved);
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

import Docker from "dockerode";

import { errorMessage, GiniError } from "../errors.js";
import type { DockerClient } from "./client.js";
import { toDetails, toInfo } from "./dockerode-mapping.js";
import { pullWithProgress, readLogs } from "./dockerode-streams.js";
import { isConflict, isNotFound, isNotModified } from "./engine-errors.js";
import { podmanDetector, withInspectedPorts } from "./podman.js";
import type { ContainerInfo, ContainerSpec, NetworkInfo } from "./types.js";

/** Where the engine is expected, for error messages. */
function dockerEndpoint(): string {
  return process.env.DOCKER_HOST || "unix:///var/run/docker.sock";
}

const labelFilter = (labels: Record<string, string>) =>
  Object.entries(labels).map(([k, v]) => `${k}=${v}`);

/** Maps an engine connection failure to gini's "Docker is not reachable" error. */
function unreachable(err: unknown): GiniError {
  return new GiniError(`Docker engine not reachable at ${dockerEndpoint()}: ${errorMessage(err)}`, {
    hint: "start Docker (e.g. `sudo systemctl start docker`, or `dockerd &` as root), or point DOCKER_HOST at a running engine",
    cause: err,
    code: "engine-unreachable",
  });
}

/**
 * The dockerode implementation of DockerClient; reads DOCKER_HOST like the docker CLI. Long by
 * nature: one short method per DockerClient member, sharing the one dockerode instance.
 */
export function createDockerClient(): DockerClient {
  const docker = new Docker();
  const listNetworks = async (filters: Record<string, string[]>): Promise<NetworkInfo[]> =>
    (await docker.listNetworks({ filters })).map((n) => ({
      id: n.Id,
      name: n.Name,
      labels: n.Labels ?? {},
    }));
  const isPodman = podmanDetector(docker);
  const listContainers = async (filters: Record<string, string[]>): Promise<ContainerInfo[]> => {
    const infos = (await docker.listContainers({ all: true, filters })).map(toInfo);
    return (await isPodman()) ? withInspectedPorts(docker, infos) : infos;
  };

  return {
    async ping() {
      try {
        await docker.ping();
      } catch (err) {
        throw unreachable(err);
      }
    },
    async version() {
      return (await docker.version()).Version;
    },
    async imageId(ref) {
      try {
        return (await docker.getImage(ref).inspect()).Id;
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    pullImage: (ref, onProgress) => pullWithProgress(docker, ref, onProgress),
    listNetworks: (labels) => listNetworks({ label: labelFilter(labels) }),
    async inspectNetwork(name) {
      return (await listNetworks({ name: [name] })).find((n) => n.name === name);
    },
    async createNetwork(name, labels) {
      await docker.createNetwork({
        Name: name,
        Driver: "bridge",
        Labels: labels,
        CheckDuplicate: true,
      });
    },
    async removeNetwork(name) {
      try {
        await docker.getNetwork(name).remove();
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
        return toDetails(await docker.getContainer(idOrName).inspect());
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async createContainer(spec: ContainerSpec) {
      const key = (p: number) => `${p}/tcp`;
      const container = await docker.createContainer({
        name: spec.name,
        Image: spec.image,
        ...(spec.command ? { Cmd: spec.command } : {}),
        Labels: spec.labels,
        Env: Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${v}`),
        ExposedPorts: Object.fromEntries(spec.ports.map((p) => [key(p.container), {}])),
        HostConfig: {
          PortBindings: Object.fromEntries(
            spec.ports.map((p) => [
              key(p.container),
              [{ HostIp: p.hostIp, HostPort: String(p.host) }],
            ]),
          ),
          Binds: spec.mounts.map((m) => `${m.source}:${m.target}:ro`),
          NetworkMode: spec.network,
          SecurityOpt: ["no-new-privileges"],
        },
        NetworkingConfig: { EndpointsConfig: { [spec.network]: { Aliases: spec.aliases } } },
      });
      return container.id;
    },
    async startContainer(id) {
      await docker.getContainer(id).start();
    },
    async removeContainer(id, stopTimeoutSeconds) {
      const container = docker.getContainer(id);
      try {
        await container.stop({ t: stopTimeoutSeconds });
      } catch (err) {
        if (isNotFound(err)) return;
        if (!isNotModified(err)) throw err; // already stopped
      }
      try {
        await container.remove({ force: true, v: true });
      } catch (err) {
        // A conflict here is a removal already in progress.
        if (!isNotFound(err) && !isConflict(err)) throw err;
      }
    },
    logs: (id, options, onLine, signal) => readLogs(docker, id, options, onLine, signal),
  };
}

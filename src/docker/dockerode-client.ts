import type { Readable } from "node:stream";

import Docker from "dockerode";

import { errorMessage, GiniError } from "../errors.js";
import { envFromEntries } from "../text/env-entries.js";
import type { DockerClient } from "./client.js";
import { LogDemuxer } from "./demux.js";
import { isConflict, isNotFound, isNotModified } from "./engine-errors.js";
import type {
  ContainerDetails,
  ContainerInfo,
  ContainerSpec,
  LogLine,
  LogOptions,
  NetworkInfo,
  PortBinding,
  PullProgress,
} from "./types.js";

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

function toInfo(c: Docker.ContainerInfo): ContainerInfo {
  const ports: PortBinding[] = (c.Ports ?? [])
    .filter((p) => p.PublicPort !== undefined && p.Type === "tcp")
    .map((p) => ({ container: p.PrivatePort, hostIp: p.IP ?? "", host: p.PublicPort }));
  return {
    id: c.Id,
    name: (c.Names[0] ?? "").replace(/^\//, ""),
    image: c.Image,
    imageId: c.ImageID,
    state: c.State,
    labels: c.Labels ?? {},
    // IPv4 and IPv6 bindings of the same port are listed twice by the engine.
    ports: ports.filter(
      (p, i) => ports.findIndex((q) => q.container === p.container && q.host === p.host) === i,
    ),
    networks: Object.keys(c.NetworkSettings?.Networks ?? {}),
  };
}

function toDetails(c: Docker.ContainerInspectInfo): ContainerDetails {
  const env = envFromEntries(c.Config?.Env ?? []);
  const ports: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(c.NetworkSettings?.Ports ?? {})) {
    const [port, proto] = key.split("/");
    if (proto !== "tcp") continue;
    for (const b of bindings ?? []) {
      const p = { container: Number(port), hostIp: b.HostIp ?? "", host: Number(b.HostPort) };
      if (!ports.some((q) => q.container === p.container && q.host === p.host)) ports.push(p);
    }
  }
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ""),
    state: c.State?.Status ?? "",
    restartCount: c.RestartCount ?? 0,
    oomKilled: c.State?.OOMKilled ?? false,
    exitCode: c.State?.ExitCode ?? 0,
    error: c.State?.Error ?? "",
    startedAt: c.State?.StartedAt ?? "",
    finishedAt: c.State?.FinishedAt ?? "",
    env,
    networks: Object.entries(c.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
      name,
      // @types/dockerode leaves Aliases untyped; the engine sends a list of names, or null.
      aliases: (n?.Aliases as string[] | null | undefined) ?? [],
    })),
    ports,
  };
}

/** The dockerode implementation of DockerClient; reads DOCKER_HOST like the docker CLI. */
export function createDockerClient(): DockerClient {
  const docker = new Docker();
  const listNetworks = async (filters: Record<string, string[]>): Promise<NetworkInfo[]> =>
    (await docker.listNetworks({ filters })).map((n) => ({
      id: n.Id,
      name: n.Name,
      labels: n.Labels ?? {},
    }));
  const listContainers = async (filters: Record<string, string[]>): Promise<ContainerInfo[]> =>
    (await docker.listContainers({ all: true, filters })).map(toInfo);

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
    async pullImage(ref, onProgress) {
      const stream = (await docker.pull(ref)) as Readable;
      await new Promise<void>((resolve, reject) => {
        const layers = new Map<string, { current: number; total: number }>();
        docker.modem.followProgress(
          stream,
          (err: Error | null) => (err ? reject(err) : resolve()),
          (event: {
            id?: string;
            status?: string;
            progressDetail?: { current?: number; total?: number };
          }) => {
            const detail = event.progressDetail;
            if (event.id && detail?.total)
              layers.set(event.id, { current: detail.current ?? 0, total: detail.total });
            let current = 0;
            let total = 0;
            for (const l of layers.values()) {
              current += l.current;
              total += l.total;
            }
            onProgress({
              status: event.status ?? "",
              ...(total ? { current, total } : {}),
            } satisfies PullProgress);
          },
        );
      });
    },
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
      return (await listContainers({ name: [`^/${name}$`] })).find((c) => c.name === name);
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

async function readLogs(
  docker: Docker,
  id: string,
  options: LogOptions,
  onLine: (line: LogLine) => void,
  signal?: AbortSignal,
): Promise<void> {
  const container = docker.getContainer(id);
  const base = {
    stdout: true,
    stderr: true,
    timestamps: options.timestamps ?? false,
    ...(options.tail !== undefined ? { tail: options.tail } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
  };
  const demux = new LogDemuxer(onLine);
  if (!options.follow) {
    demux.push(await container.logs({ ...base, follow: false }));
    demux.end();
    return;
  }
  const stream = (await container.logs({ ...base, follow: true })) as Readable;
  if (signal?.aborted) {
    stream.destroy();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stop = () => {
      stream.destroy();
      resolve();
    };
    signal?.addEventListener("abort", stop, { once: true });
    stream.on("data", (chunk: Buffer) => demux.push(chunk));
    stream.on("end", () => {
      demux.end();
      resolve();
    });
    stream.on("error", (err) => (signal?.aborted ? resolve() : reject(err)));
  });
}

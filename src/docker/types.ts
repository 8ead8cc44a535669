/** A port published on the host: container port → host address and port. */
export interface PortBinding {
  container: number;
  hostIp: string;
  host: number;
}

/** Everything gini needs to create one container. */
export interface ContainerSpec {
  name: string;
  image: string;
  /** Arguments passed to the image's entrypoint; undefined keeps the image's CMD. */
  command?: string[];
  labels: Record<string, string>;
  ports: PortBinding[];
  /** Bind mounts, always read-only. */
  mounts: { source: string; target: string }[];
  env?: Record<string, string>;
  network: string;
  /** Extra DNS names on the network (the service name). */
  aliases: string[];
  /** How the engine restarts it after it exits; undefined: never. */
  restart?: RestartPolicy;
}

/** An engine restart policy: after a non-zero exit, at most `maxRetries` times. */
interface RestartPolicy {
  name: "on-failure";
  maxRetries: number;
}

/** How a container is removed. */
export interface RemoveOptions {
  /** Remove its anonymous volumes too (`docker rm -v`). */
  volumes?: boolean;
  /** Called once its process has exited, before the engine has cleaned up after it. */
  onExit?: () => void;
}

/** A container as listed by the engine. */
export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  /** Image ID the container was created from. */
  imageId: string;
  /** created, running, paused, restarting, removing, exited or dead. */
  state: string;
  labels: Record<string, string>;
  ports: PortBinding[];
  /** Networks the container is attached to. */
  networks: string[];
  /** Their IDs, where the engine lists them: a name may belong to several networks. */
  networkIds?: string[];
}

/** What `docker inspect` adds to a container's listing: its history and environment. */
export interface ContainerDetails {
  id: string;
  name: string;
  /** created, running, paused, restarting, removing, exited or dead. */
  state: string;
  /** How often the engine restarted it (restart policy or `docker restart`). */
  restartCount: number;
  /** True when the kernel killed it for memory (last run). */
  oomKilled: boolean;
  /** Exit code of the last run (0 while running). */
  exitCode: number;
  /** The engine's error for the last start, or "". */
  error: string;
  /** ISO times of the last start and stop ("0001-01-01T00:00:00Z" when never). */
  startedAt: string;
  finishedAt: string;
  /** The container's environment (Config.Env). */
  env: Record<string, string>;
  /** Networks the container is attached to, with its DNS aliases on each. */
  networks: { name: string; aliases: string[] }[];
  /** Ports published right now (none unless it runs). */
  ports: PortBinding[];
}

/** A network as listed by the engine. */
export interface NetworkInfo {
  id: string;
  name: string;
  labels: Record<string, string>;
}

/** Which log lines to read, as `docker logs` takes them. */
export interface LogOptions {
  follow?: boolean;
  tail?: number;
  /** Unix seconds. */
  since?: number;
  timestamps?: boolean;
}

/** One line of container output, demultiplexed. */
export interface LogLine {
  stream: "stdout" | "stderr";
  text: string;
}

/** Pull progress, one event per status change of a layer or of the whole image. */
export interface PullProgress {
  status: string;
  /** Bytes done and total across the layers seen so far, when the engine reports them. */
  current?: number;
  total?: number;
}

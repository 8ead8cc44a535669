import type { EngineInfo } from "./engine-info.js";
import type {
  ContainerDetails,
  ContainerInfo,
  ContainerSpec,
  LogLine,
  LogOptions,
  NetworkInfo,
  PullProgress,
  RemoveOptions,
} from "./types.js";

/**
 * The Docker operations gini uses. The stack talks only to this interface, so unit tests can use
 * a fake engine; `createDockerClient` returns the dockerode implementation.
 */
export interface DockerClient {
  /** Resolves when the engine answers; throws a GiniError with a hint when it does not. */
  ping(): Promise<void>;
  /** The engine's version, e.g. "28.2.2". */
  version(): Promise<string>;
  /**
   * Which engine answers (Docker Engine, Podman, ...), its version, its endpoint and where that came
   * from; throws the same GiniError as `ping` when it does not answer.
   */
  engine(): Promise<EngineInfo>;
  /** The image's ID, or undefined when it is not present locally. */
  imageId(ref: string): Promise<string | undefined>;
  pullImage(ref: string, onProgress: (p: PullProgress) => void): Promise<void>;
  listNetworks(labels: Record<string, string>): Promise<NetworkInfo[]>;
  /** A network of that exact name, or undefined; the first one when the engine holds several. */
  inspectNetwork(name: string): Promise<NetworkInfo | undefined>;
  /** Every network of that exact name: the engine does not keep names unique. */
  networksNamed(name: string): Promise<NetworkInfo[]>;
  createNetwork(name: string, labels: Record<string, string>): Promise<void>;
  /** Removes a network by ID (a name may match several); a missing one is not an error. */
  removeNetwork(id: string): Promise<void>;
  /** Containers, running or not, that carry every given label. */
  listContainers(labels: Record<string, string>): Promise<ContainerInfo[]>;
  /** The container of that exact name, or undefined. */
  findContainer(name: string): Promise<ContainerInfo | undefined>;
  /** `docker inspect` of a container by ID or name, or undefined when there is none. */
  inspectContainer(idOrName: string): Promise<ContainerDetails | undefined>;
  createContainer(spec: ContainerSpec): Promise<string>;
  startContainer(id: string): Promise<void>;
  /**
   * Stops with a grace period in seconds, then removes; 0 kills it at once. A missing container is
   * not an error. Its anonymous volumes stay unless `volumes` is set.
   */
  removeContainer(id: string, stopTimeoutSeconds: number, options?: RemoveOptions): Promise<void>;
  /** Reads (or follows) demultiplexed log lines until the stream ends or `signal` aborts. */
  logs(
    id: string,
    options: LogOptions,
    onLine: (line: LogLine) => void,
    signal?: AbortSignal,
  ): Promise<void>;
}

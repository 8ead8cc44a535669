/**
 * The public entry of src/docker, the only folder that imports dockerode: the engine client, and
 * how the engine is found (like the docker CLI: --context, DOCKER_HOST, contexts, sockets).
 */
export { type DockerClient } from "./client.js";
export { createDockerClient } from "./dockerode-client.js";
export type { DockerClientOptions } from "./dockerode-connect.js";
export { publishedPortsHost, sshTunnelCommand } from "./engine-connection.js";
export { engineEndpoint } from "./engine-endpoint.js";
export { type EngineInfo } from "./engine-info.js";
export {
  type ContainerDetails,
  type ContainerInfo,
  type ContainerSpec,
  type LogLine,
  type LogOptions,
  type NetworkInfo,
  type PortBinding,
  type PullProgress,
} from "./types.js";
export { whilePinging } from "./while-pinging.js";

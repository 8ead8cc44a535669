/** The public entry of src/docker, the only folder that imports dockerode: the engine client. */
export { type DockerClient } from "./client.js";
export { createDockerClient } from "./dockerode-client.js";
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

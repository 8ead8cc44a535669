import { createDockerClient, type DockerClientOptions } from "../docker/index.js";
import { httpProbe, isPortFree, systemClock } from "../health/index.js";

/**
 * The real engine (found from `options.context`, the env and the docker config), probe and clock,
 * for the CLI; tests pass fakes to the stack functions instead.
 */
export function realRuntime(options: DockerClientOptions = {}) {
  return {
    docker: createDockerClient(options),
    probe: (url: string) => httpProbe(url),
    clock: systemClock,
    portFree: isPortFree,
  };
}

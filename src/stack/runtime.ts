import { createDockerClient } from "../docker/index.js";
import { httpProbe, isPortFree, systemClock } from "../health/index.js";

/** The real engine, probe and clock, for the CLI; tests pass fakes to the stack functions instead. */
export function realRuntime() {
  return {
    docker: createDockerClient(),
    probe: (url: string) => httpProbe(url),
    clock: systemClock,
    portFree: isPortFree,
  };
}

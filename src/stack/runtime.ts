import { createDockerClient } from "../docker/dockerode-client.js";
import { systemClock } from "../health/clock.js";
import { httpProbe } from "../health/http-probe.js";
import { isPortFree } from "../health/port-free.js";

/** The real engine, probe and clock, for the CLI; tests pass fakes to the stack functions instead. */
export function realRuntime() {
  return {
    docker: createDockerClient(),
    probe: (url: string) => httpProbe(url),
    clock: systemClock,
    portFree: isPortFree,
  };
}

import { readHostProcess } from "../apps/index.js";
import { createDockerClient, type DockerClientOptions } from "../docker/index.js";
import { httpGet, isPortFree } from "../health/index.js";
import { findPortOwner } from "./port-owner.js";
import type { DoctorDeps } from "./types.js";

/** The real engine, HTTP, /proc and clock, for the CLI; unit tests pass fakes to runDoctor. */
export function realDoctorDeps(options: DockerClientOptions = {}): DoctorDeps {
  return {
    docker: createDockerClient(options),
    http: (url) => httpGet(url),
    portFree: isPortFree,
    portOwner: (port) => findPortOwner(port),
    hostApp: readHostProcess,
    now: () => Date.now(),
  };
}

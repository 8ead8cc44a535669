import type { DockerClient } from "../docker/index.js";
import { errorMessage } from "../errors.js";
import type { Check } from "./types.js";

/** 1. The Docker engine answers; its version. */
export async function checkEngine(docker: DockerClient): Promise<Check> {
  try {
    await docker.ping();
  } catch (err) {
    const hint = (err as { hint?: string }).hint;
    return {
      group: "engine",
      id: "engine",
      status: "fail",
      finding: errorMessage(err),
      fix: hint ?? "start Docker (e.g. `sudo systemctl start docker`) or set DOCKER_HOST",
    };
  }
  let version = "unknown version";
  try {
    version = `version ${await docker.version()}`;
  } catch {
    // The engine answered a ping; its version is only informative.
  }
  return {
    group: "engine",
    id: "engine",
    status: "pass",
    finding: `Docker engine reachable, ${version}`,
    fix: null,
  };
}

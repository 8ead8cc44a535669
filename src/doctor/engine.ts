import type { DockerClient } from "../docker/index.js";
import { errorMessage } from "../errors.js";
import type { Check } from "./types.js";

/** 1. The engine answers: which one (Docker Engine, Podman), its version, where gini found it. */
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
  let finding = "Docker engine reachable, unknown version";
  try {
    const e = await docker.engine();
    finding = `${e.name} ${e.version} reachable at ${e.endpoint} (${e.source})`;
  } catch {
    // The engine answered a ping; what it is, is only informative.
  }
  return { group: "engine", id: "engine", status: "pass", finding, fix: null };
}

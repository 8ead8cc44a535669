import type { Project } from "../config/load.js";
import type { DockerClient } from "../docker/client.js";
import type { LogLine, LogOptions } from "../docker/types.js";
import { EXIT_USAGE, GiniError } from "../errors.js";
import { LABEL_SERVICE, projectSelector } from "./labels.js";
import { SERVICES } from "./services.js";

/** The names `gini logs` accepts. */
export function logNames(): string[] {
  return SERVICES.map((s) => s.name);
}

/**
 * Reads (or follows) the logs of the named services, all of them when none is named, calling
 * `onLine` as lines arrive so several services interleave.
 */
export async function logs(
  project: Project,
  names: string[],
  options: LogOptions,
  docker: DockerClient,
  onLine: (service: string, line: LogLine) => void,
  signal?: AbortSignal,
): Promise<void> {
  const valid = logNames();
  const unknown = names.filter((n) => !valid.includes(n));
  if (unknown.length > 0) {
    throw new GiniError(
      `unknown service or app "${unknown[0]}"`,
      `valid names: ${valid.join(", ")}`,
      EXIT_USAGE,
    );
  }
  await docker.ping();
  const containers = await docker.listContainers(projectSelector(project.name));
  const byService = new Map(containers.map((c) => [c.labels[LABEL_SERVICE] ?? c.name, c]));
  const wanted = names.length > 0 ? [...new Set(names)] : valid.filter((n) => byService.has(n));
  const missing = wanted.filter((n) => !byService.has(n));
  if (missing.length > 0 || wanted.length === 0) {
    throw new GiniError(
      missing.length > 0
        ? `${missing.join(", ")}: no container (project ${project.name})`
        : `nothing is up in project ${project.name}`,
      "start the stack with `gini up`",
    );
  }
  await Promise.all(
    wanted.map((name) =>
      docker.logs(byService.get(name)!.id, options, (line) => onLine(name, line), signal),
    ),
  );
}

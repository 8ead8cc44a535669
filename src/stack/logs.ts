import type { Project } from "../config/index.js";
import { type DockerClient, type LogLine, type LogOptions, whilePinging } from "../docker/index.js";
import { EXIT_USAGE, GiniError } from "../errors.js";
import { LABEL_SERVICE, projectSelector } from "./labels.js";
import { SERVICES } from "./services.js";

/** Output that `gini logs` shows beside the services', such as an app's; the caller supplies it. */
export interface LogSource {
  name: string;
  /** True once it has run, so there is output to show. */
  hasRun(): Promise<boolean>;
  /** Its last lines, then (with follow) each new one until the signal aborts. */
  read(options: LogOptions, onLine: (line: LogLine) => void, signal: AbortSignal): Promise<void>;
}

/** The names `gini logs` accepts: the services, then the other sources'. */
export function logNames(others: readonly { name: string }[]): string[] {
  return [...SERVICES.map((s) => s.name), ...others.map((o) => o.name)];
}

/**
 * Reads (or follows) the logs of the named services and other sources (the apps), everything that
 * has output when none is named, calling `onLine` as lines arrive so several sources interleave.
 * Services come from the engine, the others read themselves.
 */
export async function logs(
  project: Project,
  names: string[],
  options: LogOptions,
  docker: DockerClient,
  onLine: (source: string, line: LogLine) => void,
  signal: AbortSignal,
  others: readonly LogSource[] = [],
): Promise<void> {
  const valid = logNames(others);
  const unknown = names.filter((n) => !valid.includes(n));
  if (unknown.length > 0) {
    throw new GiniError(`unknown service or app "${unknown[0]}"`, {
      hint: `valid names: ${valid.join(", ")}`,
      exitCode: EXIT_USAGE,
    });
  }
  const containers = await whilePinging(docker, () =>
    docker.listContainers(projectSelector(project.name)),
  );
  const services = new Set<string>(SERVICES.map((s) => s.name));
  const byService = new Map(
    containers
      .map((c) => [c.labels[LABEL_SERVICE] ?? c.name, c] as const)
      .filter(([name]) => services.has(name)),
  );
  const other = new Map(others.map((o) => [o.name, o]));
  const runs = await Promise.all(
    valid.map(async (n) => byService.has(n) || (await other.get(n)?.hasRun()) === true),
  );
  const ran = new Set(valid.filter((_, i) => runs[i]));
  const hasLog = (n: string) => ran.has(n);
  const wanted = names.length > 0 ? [...new Set(names)] : valid.filter(hasLog);
  const missing = wanted.filter((n) => !hasLog(n));
  if (missing.length > 0 || wanted.length === 0) {
    throw new GiniError(
      missing.length > 0
        ? `${missing.join(", ")}: nothing has run yet (project ${project.name})`
        : `nothing is up in project ${project.name}`,
      { hint: "start the stack and apps with `gini up`" },
    );
  }
  await Promise.all(
    wanted.map((name) => {
      const container = byService.get(name);
      const each = (line: LogLine) => onLine(name, line);
      if (container) return docker.logs(container.id, options, each, signal);
      return other.get(name)!.read(options, each, signal);
    }),
  );
}

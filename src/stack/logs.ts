import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { logFileOf } from "../apps/launch.js";
import { followLog, tailLines } from "../apps/log-tail.js";
import type { Project } from "../config/load.js";
import type { DockerClient } from "../docker/client.js";
import type { LogLine, LogOptions } from "../docker/types.js";
import { EXIT_USAGE, GiniError } from "../errors.js";
import { LABEL_SERVICE, projectSelector } from "./labels.js";
import { projectApps } from "./project-apps.js";
import { SERVICES } from "./services.js";

/** The names `gini logs` accepts: the services, then the project's apps. */
export function logNames(project: Project): string[] {
  return [...SERVICES.map((s) => s.name), ...Object.keys(projectApps(project))];
}

/**
 * Reads (or follows) the logs of the named services and apps, everything that has output when
 * none is named, calling `onLine` as lines arrive so several sources interleave. Services come
 * from the engine; apps from `.gini/logs/<app>.log` (`--since` and `--timestamps` apply to
 * services only: app logs are the app's own lines).
 */
export async function logs(
  project: Project,
  names: string[],
  options: LogOptions,
  docker: DockerClient,
  onLine: (source: string, line: LogLine) => void,
  signal: AbortSignal,
): Promise<void> {
  const valid = logNames(project);
  const unknown = names.filter((n) => !valid.includes(n));
  if (unknown.length > 0) {
    throw new GiniError(`unknown service or app "${unknown[0]}"`, {
      hint: `valid names: ${valid.join(", ")}`,
      exitCode: EXIT_USAGE,
    });
  }
  await docker.ping();
  const containers = await docker.listContainers(projectSelector(project.name));
  const byService = new Map(containers.map((c) => [c.labels[LABEL_SERVICE] ?? c.name, c]));
  const hasLog = (n: string) => byService.has(n) || existsSync(logFileOf(project.dir, n));
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
      if (container) return docker.logs(container.id, options, (l) => onLine(name, l), signal);
      return appLog(
        logFileOf(project.dir, name),
        options,
        (text) => onLine(name, { stream: "stdout", text }),
        signal,
      );
    }),
  );
}

/** An app's log: its tail, then (with follow) every line appended after exactly that point. */
async function appLog(
  file: string,
  options: LogOptions,
  onText: (t: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const end = (await stat(file).catch(() => undefined))?.size ?? 0;
  for (const line of await tailLines(file, options.tail ?? Number.MAX_SAFE_INTEGER, end))
    onText(line);
  if (options.follow) await followLog(file, onText, signal, { from: end });
}

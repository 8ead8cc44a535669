import type { Project } from "../config/index.js";
import type { AppWarning } from "./app.js";
import { byIdentity, notStoppedWarning, type ProcessReader } from "./process-identity.js";
import { loadState, removeState, writeState } from "./state-file.js";
import { stopTree } from "./stop-tree.js";

/** What `gini down` did with the recorded apps. */
export interface AppsDown {
  /** The apps it stopped. */
  stopped: string[];
  /** A state file set aside, apps it left alone: each for the CLI to print. */
  warnings: AppWarning[];
}

/**
 * `gini down`'s part for apps: stops every app the state file records that still runs, whole
 * process trees, even apps gini.yaml no longer lists. A stale entry (pid gone or reused) is
 * dropped unsignalled; an app whose process cannot be proved to be gini's is not signalled
 * either, but stays recorded and is named in a warning. Container apps carry the project label,
 * so they go with the stack's containers.
 */
export async function downApps(project: Project, read?: ProcessReader): Promise<AppsDown> {
  const { apps, warnings } = await loadState(project.dir);
  const { ours, unknown } = byIdentity(apps, read);
  await Promise.all(ours.map((a) => stopTree(a)));
  if (unknown.length > 0) await writeState(project.dir, { apps: unknown });
  else await removeState(project.dir);
  return {
    stopped: ours.map((a) => a.name),
    warnings: [...warnings, ...unknown.map(notStoppedWarning)],
  };
}

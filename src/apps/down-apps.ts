import type { Project } from "../config/index.js";
import { isAlive, readState, removeState } from "./state-file.js";
import { stopTree } from "./stop-tree.js";

/**
 * `gini down`'s part for apps: stops every app the state file records that still runs, whole
 * process trees, even apps gini.yaml no longer lists (a stale entry, whose pid is gone or reused,
 * is never signalled), then removes the state file. Container apps carry the project label, so
 * they go with the stack's containers. Returns the names it stopped.
 */
export async function downApps(project: Project): Promise<string[]> {
  const alive = (await readState(project.dir)).apps.filter(isAlive);
  await Promise.all(alive.map((a) => stopTree(a.pid)));
  await removeState(project.dir);
  return alive.map((a) => a.name);
}

import type { AppExit } from "../apps/launch.js";
import { logFileOf } from "../apps/launch.js";
import { tailLines } from "../apps/log-tail.js";
import { readState, writeState } from "../apps/state-file.js";
import { stopTree } from "../apps/stop-tree.js";
import type { Project } from "../config/load.js";
import type { RunningApp } from "./apps-up.js";

/** Grace between SIGTERM and SIGKILL when stopping an app's process tree. */
export const APP_STOP_GRACE_MS = 5000;

/**
 * Watches foreground apps until Ctrl-C (the signal) or until every app has exited. An app that
 * exits on its own is reported with its last lines while the others keep running. On Ctrl-C the
 * apps are stopped (whole process trees) and dropped from the state file; the stack stays up.
 */
export async function superviseApps(
  project: Project,
  running: RunningApp[],
  signal: AbortSignal,
  onExit: (app: string, exit: AppExit, lastLines: string[]) => void,
): Promise<"interrupted" | "all-exited"> {
  const watched = running.filter((r) => r.exited !== undefined);
  const alive = new Set(watched);
  const exits = watched.map(async (r) => {
    const exit = await r.exited!;
    alive.delete(r);
    if (!signal.aborted) onExit(r.name, exit, await tailLines(logFileOf(project.dir, r.name), 10));
  });
  const aborted = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
  // Container apps have no exit to wait for: with any of them, only Ctrl-C ends the watch.
  const allExited = watched.length === running.length ? Promise.all(exits) : aborted;
  await Promise.race([allExited, aborted]);
  // Only apps still running are signalled: an exited app's pid may belong to someone else now.
  if (signal.aborted) await stopApps(project, [...alive], APP_STOP_GRACE_MS);
  return signal.aborted ? "interrupted" : "all-exited";
}

/** Stops the given apps' process trees and forgets them in the state file. */
export async function stopApps(
  project: Project,
  apps: { name: string; pid?: number | undefined }[],
  graceMs: number,
): Promise<void> {
  if (apps.length === 0) return;
  // Container apps have no pid: `gini down` removes them with the stack.
  await Promise.all(apps.map((a) => (a.pid ? stopTree(a.pid, { graceMs }) : undefined)));
  const state = await readState(project.dir);
  await writeState(project.dir, {
    apps: state.apps.filter((s) => !apps.some((a) => a.pid === s.pid)),
  });
}

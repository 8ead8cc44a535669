import { isAlive, readState, removeState } from "../apps/state-file.js";
import type { Project } from "../config/load.js";
import type { DockerClient } from "../docker/client.js";
import { appContainerName } from "./container-app.js";
import { APP_STOP_GRACE_MS, stopApps } from "./apps-supervise.js";
import { appUrl, projectApps } from "./project-apps.js";

/** One app in `gini status`; part of the stable JSON document. */
export interface AppStatus {
  name: string;
  /** The recorded pid, or null when the app was never started. */
  pid: number | null;
  /** "running", "exited" (recorded but gone, or the pid now belongs to another program) or "stopped". */
  state: "running" | "exited" | "stopped";
  /** Where to open it (the origin of its ready URL), or null. */
  url: string | null;
  startedAt: string | null;
}

/**
 * The apps gini would launch, with what the state file and /proc say about each process, or the
 * engine about each `image:` app's container.
 */
export async function appsStatus(project: Project, docker: DockerClient): Promise<AppStatus[]> {
  const state = await readState(project.dir);
  const apps = Object.entries(projectApps(project));
  const containers = await Promise.all(
    apps.map(([name, app]) =>
      app.image ? docker.findContainer(appContainerName(project, name)) : undefined,
    ),
  );
  return apps.map(([name, app], i) => {
    if (app.image) {
      const c = containers[i];
      const state = c?.state === "running" ? "running" : c ? "exited" : "stopped";
      return { name, pid: null, state, url: appUrl(app), startedAt: null };
    }
    const entry = state.apps.find((a) => a.name === name);
    return {
      name,
      pid: entry?.pid ?? null,
      state: entry ? (isAlive(entry) ? "running" : "exited") : "stopped",
      url: appUrl(app),
      startedAt: entry?.startedAt ?? null,
    };
  });
}

/**
 * Stops every app the state file records that still runs (a stale entry, whose pid is gone or
 * reused, is never signalled), then removes the state file. Returns the names it stopped.
 */
export async function downApps(project: Project): Promise<string[]> {
  const alive = (await readState(project.dir)).apps.filter(isAlive);
  await stopApps(project, alive, APP_STOP_GRACE_MS);
  await removeState(project.dir);
  return alive.map((a) => a.name);
}

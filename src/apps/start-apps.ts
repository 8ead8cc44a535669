import { ensureGiniDir, type Project, startOrder } from "../config/index.js";
import type { App, StartedApp, StartOptions } from "./app.js";
import { AppRecords } from "./records.js";

/**
 * Starts the apps in dependency order, wave by wave, each wave waiting for its apps' `ready`
 * URLs. A detached `up` keeps apps still running from an earlier one whose gini.yaml entry is
 * unchanged (idempotent, like the containers); one whose command, cwd, env or otlp changed is
 * restarted. If an app fails to
 * start or get ready, the apps this call started are stopped again, the state file keeps only
 * what still runs, and the error (which names the app) carries its last log lines.
 */
export async function startApps(
  project: Project,
  apps: App[],
  options: StartOptions,
): Promise<StartedApp[]> {
  const byName = new Map(apps.map((app) => [app.name, app]));
  const waves = startOrder(Object.fromEntries(apps.map((app) => [app.name, app.config])));
  await ensureGiniDir(project.dir, "logs");
  const records = await AppRecords.load(project.dir);
  for (const warning of records.warnings) options.onEvent({ type: "warning", ...warning });
  const started: StartedApp[] = [];
  try {
    for (const wave of waves) {
      // allSettled: on a failure, every sibling must have finished launching before the cleanup
      // below looks at what runs, or a late one would be left behind.
      const settled = await Promise.allSettled(
        wave.map(async (name) => {
          const app = await byName.get(name)!.start(options, records);
          started.push(app);
          options.onEvent({ type: "app-started", app: name, ...app.id, kept: app.kept });
          if (app.kept) return;
          const ms = await app.waitReady();
          options.onEvent({ type: "app-ready", app: name, ms });
        }),
      );
      const failed = settled.find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    }
  } catch (err) {
    // Apps kept from an earlier `up` were running before this one and stay, recorded.
    await Promise.all(started.filter((app) => !app.kept).map((app) => app.stop()));
    await records.save();
    throw err;
  }
  return started;
}

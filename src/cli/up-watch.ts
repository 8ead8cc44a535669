/** `gini up --watch` in the foreground: restarts as files change, and what each change did. */
import type { App, StartedApp, WatchEvent } from "../apps/index.js";
import type { Project } from "../config/index.js";
import { errorMessage, GiniError } from "../errors.js";
import type { BeforeAfter, CompareReport, RedSource } from "../red/index.js";
import { plural } from "../text/index.js";
import { changeLine, worse } from "./compare-table.js";
import { onInterrupt } from "./interrupt.js";
import { bad, dim, note, ok, say, warn } from "./output.js";

type Apps = typeof import("../apps/index.js");

/**
 * `api: gini-api GET /items: p95 41ms → 97ms (+137 %), errors 0.0% → 0.0%` per operation that
 * changed significantly; otherwise one line saying what was compared, or what was missing.
 */
export function beforeAfterLines(app: string, found: BeforeAfter): string[] {
  if ("tooShort" in found) {
    return found.tooShort === "before"
      ? [dim(`${app}: ran too briefly before the change for a before/after`)]
      : [dim(`${app}: no requests since the restart to compare`)];
  }
  const changed = found.operations.filter((o) => o.significant);
  if (changed.length > 0) {
    return changed.map((o) => `${app}: ${(worse(o) ? bad : ok)(changeLine(o, true))}`);
  }
  return [dim(`${app}: ${summary(found)}`)];
}

/** What a comparison without significant changes says: how much it compared, or what it lacked. */
function summary(report: CompareReport): string {
  const compared = report.operations.filter((o) => o.status === "compared");
  const { minRequests } = report.method;
  if (compared.length === 0) {
    const thin = report.operations.map(
      (o) => `${o.operation} ${o.requests.before} → ${o.requests.after}`,
    );
    return `too few requests to compare before and after (${minRequests} a side needed${thin.length ? `; ${thin.join(", ")}` : ""})`;
  }
  const sum = (side: "before" | "after") => compared.reduce((n, o) => n + o.requests[side], 0);
  return `no significant change in ${plural(compared.length, "operation")} (${sum("before")} requests before, ${sum("after")} after)`;
}

/**
 * Watches the host apps until Ctrl-C, printing each restart, what triggered it, and once the
 * restarted app has served enough, its RED before vs after the change (from the Prometheus on
 * `publishedHost`).
 */
export async function runWatching(
  apps: Apps,
  project: Project,
  watched: App[],
  started: StartedApp[],
  publishedHost: string,
): Promise<void> {
  const { redSource, appServices } = await import("../red/index.js");
  const red = await redSource(project, publishedHost);
  const comparisons = new Map<string, AbortController>();
  let kill = () => apps.killApps(started);
  const stopping = onInterrupt("while watching the apps", "", {
    cleanupMs: apps.APP_STOP_GRACE_MS + 5000,
    onForce: () => kill(),
  });
  const onEvent = (e: WatchEvent) => {
    if (e.type === "watching")
      say(dim(`${e.app}: watching ${e.paths.join(", ")}; a change restarts it`));
    if (e.type === "change") {
      comparisons.get(e.app)?.abort();
      const more = e.files.length > 1 ? ` and ${e.files.length - 1} more` : "";
      say(`${e.app}: ${e.files[0]}${more} changed, restarting`);
    }
    if (e.type === "restarted") {
      say(`${e.app}: restarted (pid ${e.pid}), ready in ${e.ms} ms`);
      const compared = new AbortController();
      comparisons.set(e.app, compared);
      void compareRuns(red, () => appServices(project, publishedHost), e, compared.signal);
    }
    if (e.type === "restart-failed") {
      const err = e.error;
      note(bad(`${e.app}: restart failed: ${errorMessage(err)}`));
      if (err instanceof GiniError) for (const line of err.details) note(dim(`  | ${line}`));
      note(dim(`${e.app}: waiting for the next change to restart it`));
    }
    if (e.type === "exited") {
      note(
        bad(`${e.app} exited with ${e.how}; waiting for a change to restart it. Its last lines:`),
      );
      for (const line of e.lastLines) note(dim(`  | ${line}`));
    }
    if (e.type === "watch-error") note(warn(`${e.app}: watching files failed: ${e.message}`));
  };
  try {
    const watch = apps.watchApps(project, watched, started, stopping.signal, onEvent);
    kill = watch.kill;
    await watch.done;
  } finally {
    for (const c of comparisons.values()) c.abort();
    stopping.dispose();
  }
  say("Apps stopped. The stack keeps running: `gini down` removes it.");
}

/** Prints the restarted app's before/after once it has served enough; quiet when aborted. */
async function compareRuns(
  red: RedSource,
  sent: () => Promise<Record<string, string[]> | undefined>,
  e: Extract<WatchEvent, { type: "restarted" }>,
  signal: AbortSignal,
): Promise<void> {
  try {
    const services = (await sent())?.[e.app] ?? [e.service];
    const found = await red.beforeAfter(services, { before: e.before, readyAt: e.readyAt }, signal);
    if (!signal.aborted) for (const line of beforeAfterLines(e.app, found)) say(line);
  } catch (err) {
    if (!signal.aborted) note(warn(`${e.app}: no before/after: ${errorMessage(err)}`));
  }
}

import { GiniError } from "../errors.js";
import type { StartedApp } from "./app.js";

/**
 * A foreground `up` after its apps are ready: watches them until Ctrl-C (the signal) or until
 * every app has exited. An app that exits on its own is reported through `onExit` with its last
 * lines while the others keep running. On Ctrl-C the apps still running are stopped (whole
 * process trees) and dropped from the state file; the stack and container apps stay up.
 * @throws GiniError when every app has exited on its own.
 */
export async function superviseApps(
  started: StartedApp[],
  signal: AbortSignal,
  onExit: (app: string, how: string, lastLines: string[]) => void,
): Promise<void> {
  const watched = started.filter((app) => app.exited !== undefined);
  const running = new Set(watched);
  const exits = watched.map(async (app) => {
    const how = await app.exited!;
    running.delete(app);
    if (!signal.aborted) onExit(app.name, how, await app.lastLines(10));
  });
  const aborted = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
  // Container apps have no exit to wait for: with any of them, only Ctrl-C ends the watch.
  const allExited = watched.length === started.length ? Promise.all(exits) : aborted;
  await Promise.race([allExited, aborted]);
  if (signal.aborted) {
    // Only apps still running are signalled: an exited app's pid may belong to someone else now.
    await Promise.all([...running].map((app) => app.stop()));
    return;
  }
  throw new GiniError("every app has exited", {
    hint: "`gini logs <app>` shows why; the stack keeps running (`gini down` removes it)",
  });
}

/** A second Ctrl-C: stops the apps a foreground `up` watches at once, without a grace period. */
export async function killApps(started: StartedApp[]): Promise<void> {
  await Promise.all(started.filter((app) => app.exited !== undefined).map((app) => app.stop(0)));
}

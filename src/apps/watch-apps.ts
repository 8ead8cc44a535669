import { relative } from "node:path";

import { type Project, watchPaths } from "../config/index.js";
import { GiniError } from "../errors.js";
import { type App, configuredService, type StartedApp } from "./app.js";
import { type FileChange, type FileWatch, watchFiles } from "./file-watch.js";
import { watchIgnore } from "./watch-ignore.js";

/** What a foreground `gini up --watch` tells the CLI; paths are relative to the project folder. */
export type WatchEvent =
  | { type: "watching"; app: string; paths: string[] }
  | { type: "change"; app: string; files: string[] }
  | {
      type: "restarted";
      app: string;
      pid: number;
      /** The service its spans carry unless its code names another. */
      service: string;
      /** How long it took to get ready again. */
      ms: number;
      /** The run before: from its ready to the change (ms since the epoch). */
      before: { from: number; to: number };
      /** When this run got ready (ms since the epoch). */
      readyAt: number;
    }
  | { type: "restart-failed"; app: string; error: unknown }
  | { type: "exited"; app: string; how: string; lastLines: string[] }
  | { type: "watch-error"; app: string; message: string };

/** One watched app: its current run and what its restarts are doing. */
interface Slot {
  app: App;
  run: StartedApp;
  /** The run got ready and gini is not stopping it: its exit is news. */
  live: boolean;
  /** The run has exited. */
  ended: boolean;
  readyAt: number;
  pending: FileChange | undefined;
  busy: Promise<void> | undefined;
  /** Aborts the wait for the current run's ready when a newer change comes. */
  waiting: AbortController | undefined;
}

/**
 * The host apps `up --watch` restarts and the paths each watches; refused before anything starts
 * when a `watch:` path is missing or no app runs on the host.
 * @throws GiniError naming the path, or saying there is nothing to watch.
 */
export function watchedApps(project: Project, apps: App[]): App[] {
  const host = apps.filter((app) => app.kind === "host");
  if (host.length === 0) {
    throw new GiniError("--watch: no app runs on the host, and only host apps are restarted", {
      hint: "give an app a command: in gini.yaml, or drop --watch",
    });
  }
  for (const app of host) {
    const [problem] = watchPaths(project.dir, app.name, app.config).problems;
    if (problem) throw new GiniError(`gini.yaml: ${problem.message}`, { hint: problem.hint });
  }
  return host;
}

/** A running watch: `done` settles once the signal aborted and the apps are stopped. */
export interface AppWatch {
  done: Promise<void>;
  /** A second Ctrl-C: kills the apps' current runs at once, without a grace period. */
  kill: () => Promise<void>;
}

/**
 * A foreground `up --watch` after its apps are ready: restarts a host app when files under its
 * watch paths change (one restart per quiet burst; a change during a restart queues one more),
 * and keeps watching an app that exited, to restart it on the next change. Ends when the signal
 * aborts, stopping the apps it runs (the stack and container apps stay up).
 */
export function watchApps(
  project: Project,
  apps: App[],
  started: StartedApp[],
  signal: AbortSignal,
  onEvent: (e: WatchEvent) => void,
): AppWatch {
  const shown = (path: string) => relative(project.dir, path) || ".";
  const slots = apps.flatMap((app): Slot[] => {
    const run = started.find((s) => s.name === app.name && s.restart);
    if (!run) return [];
    const now = Date.now();
    return [
      {
        app,
        run,
        live: true,
        ended: false,
        readyAt: now,
        pending: undefined,
        busy: undefined,
        waiting: undefined,
      },
    ];
  });
  const follow = (slot: Slot, run: StartedApp) =>
    void run.exited?.then(async (how) => {
      if (slot.run !== run) return;
      slot.ended = true;
      if (!slot.live || signal.aborted) return;
      slot.live = false;
      onEvent({ type: "exited", app: slot.app.name, how, lastLines: await run.lastLines(10) });
    });

  const restart = async (slot: Slot, change: FileChange) => {
    const name = slot.app.name;
    onEvent({ type: "change", app: name, files: change.files.map(shown) });
    const before = { from: slot.readyAt, to: change.at };
    slot.live = false; // its exit now is gini's doing
    const waiting = (slot.waiting = new AbortController());
    try {
      slot.run = await slot.run.restart!(AbortSignal.any([signal, waiting.signal]));
      slot.ended = false;
      follow(slot, slot.run);
      const ms = await slot.run.waitReady();
      slot.live = true;
      slot.readyAt = Date.now();
      const pid = "pid" in slot.run.id ? slot.run.id.pid : 0;
      const service = configuredService(name, slot.app.config);
      onEvent({ type: "restarted", app: name, pid, service, ms, before, readyAt: slot.readyAt });
    } catch (error) {
      if (!signal.aborted && !waiting.signal.aborted)
        onEvent({ type: "restart-failed", app: name, error });
    }
  };
  const schedule = (slot: Slot, change: FileChange) => {
    slot.pending = slot.pending
      ? { at: slot.pending.at, files: [...new Set([...slot.pending.files, ...change.files])] }
      : change;
    slot.waiting?.abort();
    slot.busy ??= (async () => {
      for (let next = slot.pending; next && !signal.aborted; next = slot.pending) {
        slot.pending = undefined;
        await restart(slot, next);
      }
      slot.busy = undefined;
    })();
  };

  for (const slot of slots) follow(slot, slot.run);
  const running = () => slots.filter((s) => !s.ended).map((s) => s.run);
  const kill = () => Promise.all(running().map((run) => run.stop(0))).then(() => undefined);
  return { done: watchUntilAborted(), kill };

  async function watchUntilAborted(): Promise<void> {
    const watched = slots.map((slot) => {
      const { cwd, paths } = watchPaths(project.dir, slot.app.name, slot.app.config);
      const { ignore, watch } = slot.app.config;
      const files = watchFiles(paths, watchIgnore(project.dir, cwd, ignore, watch ? paths : []), {
        onChange: (change) => schedule(slot, change),
        onError: (err) =>
          onEvent({ type: "watch-error", app: slot.app.name, message: err.message }),
      });
      return { slot, paths, files };
    });
    const watches: FileWatch[] = watched.map((w) => w.files);
    await Promise.all(watches.map((w) => w.ready));
    for (const { slot, paths } of watched) {
      onEvent({ type: "watching", app: slot.app.name, paths: paths.map(shown) });
    }
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
    await Promise.all(watches.map((w) => w.close()));
    await Promise.all(slots.flatMap((slot) => slot.busy ?? []));
    // Only runs still going are signalled: an exited app's pid may belong to someone else now.
    await Promise.all(running().map((run) => run.stop()));
  }
}

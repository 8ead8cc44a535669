import { type Command, Option } from "commander";

import type { ProjectLock, StartedApp } from "../apps/index.js";
import { EXIT_USAGE, GiniError } from "../errors.js";
import { engineOptions, globalOptions } from "./global-options.js";
import { onInterrupt, raceAbort } from "./interrupt.js";
import { bad, dim, note, prefix, say } from "./output.js";
import { reachStack } from "./reach-stack.js";

interface UpFlags {
  detach?: boolean;
  watch?: boolean;
  apps: boolean;
  pull: "missing" | "always" | "never";
  timeout: number;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new GiniError(`--timeout: "${value}" is not a whole number of seconds`, {
      hint: "e.g. --timeout 120",
      exitCode: EXIT_USAGE,
    });
  }
  return n;
}

/** Prints each app's output line behind its coloured `[name]`. */
function linePrinter(names: string[]): (app: string, line: string) => void {
  const width = Math.max(...names.map((n) => n.length));
  return (app, line) => say(`${prefix(app, names.indexOf(app), width)} ${line}`);
}

/** Prints an app that exited on its own while the others keep running. */
function printExit(app: string, how: string, lastLines: string[]): void {
  note(bad(`app ${app} exited with ${how}; the other apps keep running. Its last lines:`));
  for (const line of lastLines) note(dim(`  | ${line}`));
}

/**
 * A foreground `up` after everything is ready: the apps run until Ctrl-C, which stops them
 * gracefully (a second one kills them at once), or until every one has exited.
 */
async function runInForeground(
  apps: typeof import("../apps/index.js"),
  started: StartedApp[],
): Promise<void> {
  // The abort's error is never shown: supervision ends quietly on it.
  const stopping = onInterrupt("while running the apps", "", {
    cleanupMs: apps.APP_STOP_GRACE_MS + 5000,
    onForce: () => apps.killApps(started),
  });
  try {
    await apps.superviseApps(started, stopping.signal, printExit);
  } finally {
    stopping.dispose();
  }
  say("Apps stopped. The stack keeps running: `gini down` removes it.");
}

/** `gini up`: start the stack, wait for readiness, launch the apps, print where everything is. */
export function registerUp(program: Command): void {
  program
    .command("up")
    .description("start the SPM stack and the apps, and wait until they are ready")
    .option("-d, --detach", "return once everything is ready (apps keep running in the background)")
    .option("--no-apps", "start only the stack, not the apps")
    .option(
      "-w, --watch",
      "restart a host app when files under its cwd change, and print its RED before vs after",
    )
    .addOption(
      new Option("--pull <policy>", "when to pull images")
        .choices(["missing", "always", "never"])
        .default("missing"),
    )
    .option("--timeout <seconds>", "how long to wait for readiness", seconds, 120)
    .action(async (flags: UpFlags, cmd: Command) => {
      if (flags.watch && (flags.detach || !flags.apps)) {
        throw new GiniError(
          `--watch runs the apps in the foreground: not with ${flags.detach ? "--detach" : "--no-apps"}`,
          {
            hint: "gini up --watch",
            exitCode: EXIT_USAGE,
          },
        );
      }
      const [{ loadProject }, { phaseTimer, up, realRuntime }, apps, summary] = await Promise.all([
        import("../config/index.js"),
        import("../stack/index.js"),
        import("../apps/index.js"),
        import("./up-summary.js"),
      ]);
      const onEvent = summary.progressPrinter(globalOptions(cmd).verbose);
      // performance.now() counts from the process's start: Node itself, then gini's modules.
      onEvent({ type: "phase", phase: "node, modules", ms: performance.now() });
      const timed = phaseTimer(() => performance.now(), onEvent);
      const project = await timed("gini.yaml", () => loadProject(globalOptions(cmd)));
      const location = await reachStack(cmd, project);
      const { publishedHost } = location;
      const runtime = realRuntime(engineOptions(cmd));
      const detach = flags.detach ?? false;
      // Apps launched so far are stopped on Ctrl-C: give them their grace and the kill.
      const starting = onInterrupt(
        "while bringing the stack up",
        "what started may still run: `gini up` finishes it, `gini down` removes it",
        { cleanupMs: apps.APP_STOP_GRACE_MS + 5000 },
      );
      const projectApps = apps.projectApps(project);
      // A missing watch path is refused before anything starts.
      const watched = flags.watch ? apps.watchedApps(project, projectApps) : [];
      const onLine = linePrinter(projectApps.map((a) => a.name));
      let started: StartedApp[];
      // Held while the stack and the apps start, not while they run in the foreground: a `down`
      // from another terminal must still work then.
      let lock: ProjectLock | undefined;
      try {
        const options = { ...runtime, pull: flags.pull, signal: starting.signal };
        lock = await timed("lock", () => apps.lockProject(project.dir, "up", options));
        await raceAbort(
          up(project, { ...options, timeoutSeconds: flags.timeout, location }, onEvent),
          starting.signal,
        );
        onEvent({ type: "phase", phase: "stack up, total", ms: performance.now() });
        summary.printStackSummary(project, publishedHost);
        if (!flags.apps) {
          summary.printNoApps(apps.otlpEndpoint({ kind: "host", publishedHost }));
          return;
        }
        started = await apps.startApps(project, projectApps, {
          ...options,
          detach,
          timeoutMs: flags.timeout * 1000,
          publishedHost,
          onEvent,
          ...(detach ? {} : { onLine }),
        });
      } finally {
        lock?.release();
        starting.dispose();
      }
      summary.printAppsSummary(started, detach);
      if (flags.watch) {
        const { runWatching } = await import("./up-watch.js");
        await runWatching(apps, project, watched, started, publishedHost);
      } else if (!detach) await runInForeground(apps, started);
    });
}

import { Option, type Command } from "commander";
import { EXIT_USAGE, GiniError } from "../errors.js";
import { globalOptions } from "./global-options.js";
import { onInterrupt, raceAbort } from "./interrupt.js";
import { bad, dim, note, prefix, say } from "./output.js";
import { printAppsSummary, printStackSummary, progressPrinter } from "./up-summary.js";

interface UpFlags {
  detach?: boolean;
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

/** `gini up`: start the stack, wait for readiness, launch the apps, print where everything is. */
export function registerUp(program: Command): void {
  program
    .command("up")
    .description("start the SPM stack and the apps, and wait until they are ready")
    .option("-d, --detach", "return once everything is ready (apps keep running in the background)")
    .option("--no-apps", "start only the stack, not the apps")
    .addOption(
      new Option("--pull <policy>", "when to pull images")
        .choices(["missing", "always", "never"])
        .default("missing"),
    )
    .option("--timeout <seconds>", "how long to wait for readiness", seconds, 120)
    .action(async (flags: UpFlags, cmd: Command) => {
      const [
        { loadProject },
        { up },
        { realRuntime },
        { upApps },
        { superviseApps, stopApps, APP_STOP_GRACE_MS },
        { projectApps, appUrl },
      ] = await Promise.all([
        import("../config/load.js"),
        import("../stack/up.js"),
        import("../stack/runtime.js"),
        import("../stack/apps-up.js"),
        import("../stack/apps-supervise.js"),
        import("../stack/project-apps.js"),
      ]);
      const project = await loadProject(globalOptions(cmd));
      const runtime = realRuntime();
      const detach = flags.detach ?? false;
      const onEvent = progressPrinter();
      // Apps launched so far are stopped on Ctrl-C: give them their grace and the kill.
      const starting = onInterrupt(
        "while bringing the stack up",
        "what started may still run: `gini up` finishes it, `gini down` removes it",
        APP_STOP_GRACE_MS + 5000,
      );
      const apps = projectApps(project);
      const names = Object.keys(apps);
      const width = Math.max(...names.map((n) => n.length));
      const onLine = (app: string, line: string) =>
        say(`${prefix(app, names.indexOf(app), width)} ${line}`);
      let running;
      try {
        const options = {
          ...runtime,
          pull: flags.pull,
          timeoutSeconds: flags.timeout,
          signal: starting.signal,
        };
        await raceAbort(up(project, options, onEvent), starting.signal);
        printStackSummary(project);
        if (!flags.apps) {
          say(
            dim(
              "Apps not started (--no-apps): point yours at OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317.",
            ),
          );
          return;
        }
        running = await upApps(project, apps, {
          ...runtime,
          detach,
          pull: flags.pull,
          timeoutMs: flags.timeout * 1000,
          signal: starting.signal,
          onEvent,
          ...(detach ? {} : { onLine }),
        });
      } finally {
        starting.dispose();
      }
      printAppsSummary(
        running.map((r) => ({ name: r.name, url: appUrl(apps[r.name]!) })),
        detach,
      );
      if (detach) return;

      // Foreground: the first Ctrl-C stops the apps gracefully, a second one kills them at once.
      const stopping = new AbortController();
      const onSignal = () => {
        if (!stopping.signal.aborted) return stopping.abort();
        void stopApps(project, running, 0).finally(() => process.exit(130));
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      const outcome = await superviseApps(project, running, stopping.signal, (app, exit, last) => {
        const how = exit.code !== null ? `code ${exit.code}` : `signal ${exit.signal}`;
        note(bad(`app ${app} exited with ${how}; the other apps keep running. Its last lines:`));
        for (const line of last) note(dim(`  | ${line}`));
      });
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      if (outcome === "interrupted") {
        say("Apps stopped. The stack keeps running: `gini down` removes it.");
        return;
      }
      throw new GiniError("every app has exited", {
        hint: "`gini logs <app>` shows why; the stack keeps running (`gini down` removes it)",
      });
    });
}

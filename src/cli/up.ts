import { Option, type Command } from "commander";
import { EXIT_USAGE, GiniError } from "../errors.js";
import type { UpEvent } from "../stack/up.js";
import { globalOptions } from "./global-options.js";
import { onInterrupt, raceAbort } from "./interrupt.js";
import { bold, dim, note, ok, say, warn } from "./output.js";
import { pullRenderer } from "./pull-progress.js";

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new GiniError(
      `--timeout: "${value}" is not a whole number of seconds`,
      "e.g. --timeout 120",
      EXIT_USAGE,
    );
  return n;
}

const ACTION_TEXT = {
  create: "created",
  recreate: "recreated",
  start: "started",
  keep: "running",
} as const;

/** `gini up`: start the stack, wait for readiness, print where everything is. */
export function registerUp(program: Command): void {
  program
    .command("up")
    .description("start the SPM stack and wait until it is ready")
    .option("-d, --detach", "return once everything is ready (apps keep running in the background)")
    .option("--no-apps", "start only the stack, not the apps from gini.yaml")
    .addOption(
      new Option("--pull <policy>", "when to pull images")
        .choices(["missing", "always", "never"])
        .default("missing"),
    )
    .option("--timeout <seconds>", "how long to wait for readiness", seconds, 120)
    .action(
      async (opts: { pull: "missing" | "always" | "never"; timeout: number }, cmd: Command) => {
        const [{ loadProject }, { up }, { realRuntime }] = await Promise.all([
          import("../config/load.js"),
          import("../stack/up.js"),
          import("../stack/runtime.js"),
        ]);
        const project = await loadProject(globalOptions(cmd));
        const interrupt = onInterrupt(
          "while bringing the stack up",
          "the stack may be partly up: `gini up` finishes it, `gini down` removes it",
        );
        const drawPull = pullRenderer();
        const onEvent = (e: UpEvent) => {
          if (e.type === "warning") note(warn(e.text));
          if (e.type === "pull") drawPull(e.event);
          if (e.type === "container")
            note(
              `${ok("✔")} ${e.service} ${ACTION_TEXT[e.action]}${e.action === "recreate" ? dim(` (${e.reason})`) : ""}`,
            );
          if (e.type === "ready")
            note(`${ok("✔")} ${e.service} ready ${dim(`(${(e.ms / 1000).toFixed(1)} s)`)}`);
        };
        try {
          const run = up(
            project,
            {
              pull: opts.pull,
              timeoutSeconds: opts.timeout,
              signal: interrupt.signal,
              ...realRuntime(),
            },
            onEvent,
          );
          await raceAbort(run, interrupt.signal);
        } finally {
          interrupt.dispose();
        }
        const host = "localhost";
        say(`${bold("SPM stack is up")} (project ${project.name})`);
        say(`  Jaeger UI    http://${host}:16686/`);
        say(`  Monitor tab  http://${host}:16686/monitor`);
        say(`  Prometheus   http://${host}:9090/`);
        say(`  OTLP         grpc http://${host}:4317, http http://${host}:4318`);
        if (project.bind === "0.0.0.0")
          say(dim("  ports are published on all interfaces (bind: 0.0.0.0)"));
        say(
          "No apps configured: run your app with OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317, or add apps to gini.yaml.",
        );
        say(
          dim(
            "`gini status` shows the stack, `gini logs otel-collector` its output, `gini down` removes it.",
          ),
        );
      },
    );
}

import type { Command } from "commander";

import { EXIT_USAGE, GiniError } from "../errors.js";
import { parseSince } from "./duration.js";
import { engineOptions, globalOptions } from "./global-options.js";
import { onInterrupt } from "./interrupt.js";
import { prefix } from "./output.js";

interface LogsFlags {
  follow?: boolean;
  tail?: string;
  since?: string;
  timestamps?: boolean;
}

function tailCount(value: string | undefined): number | undefined {
  if (value === undefined || value === "all") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new GiniError(`--tail: "${value}" is not a line count`, {
      hint: "e.g. --tail 50",
      exitCode: EXIT_USAGE,
    });
  return n;
}

/** `gini logs`: container output, several services interleaved with [name] prefixes. */
export function registerLogs(program: Command): void {
  program
    .command("logs")
    .description("show the output of services (all when none is named)")
    .argument("[names...]", "otel-collector, jaeger, prometheus, or an app (api, ui, ...)")
    .option("-f, --follow", "keep printing new lines")
    .option("--tail <n>", 'number of lines from the end (or "all")')
    .option("--since <duration>", "only lines newer than e.g. 10m, 1h, or an RFC 3339 date")
    .option("--timestamps", "show timestamps")
    .action(async (names: string[], flags: LogsFlags, cmd: Command) => {
      const [{ loadProject }, { logs, logNames, realRuntime }, { appLogs }] = await Promise.all([
        import("../config/index.js"),
        import("../stack/index.js"),
        import("../apps/index.js"),
      ]);
      const project = await loadProject(globalOptions(cmd));
      const tail = tailCount(flags.tail);
      const options = {
        follow: flags.follow ?? false,
        timestamps: flags.timestamps ?? false,
        ...(tail !== undefined ? { tail } : {}),
        ...(flags.since ? { since: parseSince(flags.since) } : {}),
      };
      const { docker } = realRuntime(engineOptions(cmd));
      const apps = appLogs(project, docker);
      const shown = names.length > 0 ? [...new Set(names)] : logNames(apps);
      const width = Math.max(...shown.map((n) => n.length));
      const interrupt = onInterrupt("while following logs", "");
      try {
        await logs(
          project,
          names,
          options,
          docker,
          (service, line) => {
            const head =
              shown.length > 1 ? prefix(service, shown.indexOf(service), width) + " " : "";
            // One service keeps stdout and stderr apart, like `docker logs`; several interleave on stdout.
            const out =
              shown.length === 1 && line.stream === "stderr" ? process.stderr : process.stdout;
            out.write(head + line.text + "\n");
          },
          interrupt.signal,
          apps,
        );
      } finally {
        interrupt.dispose();
      }
    });
}

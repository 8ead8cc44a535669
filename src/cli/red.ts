import type { Command } from "commander";

import { EXIT_USAGE, GiniError } from "../errors.js";
import type { RedDeps } from "../red/index.js";
import { METHOD_TEXT } from "../red/method.js";
import { compareLines } from "./compare-table.js";
import { globalOptions } from "./global-options.js";
import { onInterrupt } from "./interrupt.js";
import { dim, say, warn } from "./output.js";
import { reachStack } from "./reach-stack.js";
import { baselineLines, savedLine } from "./red-baselines.js";
import { parseSelection, type SelectionFlags, selectionOptions } from "./red-flags.js";
import { compareMarkdown, redMarkdown } from "./red-markdown.js";
import { redLines } from "./red-table.js";
import { reportFormat } from "./report-format.js";

interface RedFlags extends SelectionFlags {
  watch?: boolean;
  json?: boolean;
  format?: string;
  save?: string;
  compare?: string;
  baselines?: boolean;
}

/** How often `--watch` redraws: about one Prometheus scrape of the shipped config. */
const WATCH_SECONDS = 5;
/** Cursor home, then clear the screen: a redraw in place. */
const CLEAR = "\x1b[H\x1b[2J";

/** Resolves after `ms`, or at once when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * Prints a frame every few seconds until Ctrl-C, which ends it with exit 0. On a terminal each
 * frame replaces the last; a later frame that fails (Prometheus restarting) says so and the next
 * one retries.
 */
async function watch(frame: () => Promise<string>, json: boolean, tty: boolean): Promise<void> {
  const interrupt = onInterrupt("watching", "");
  try {
    for (let first = true; !interrupt.signal.aborted; first = false) {
      let text: string;
      try {
        text = await frame();
      } catch (err) {
        // The first frame fails like `gini red` does (exit 1, a hint); later ones keep trying.
        if (first || json || !(err instanceof GiniError)) throw err;
        text = warn(`${err.message}; trying again in ${WATCH_SECONDS} s`);
      }
      if (interrupt.signal.aborted) break;
      if (tty) process.stdout.write(CLEAR);
      say(
        json ? text : `${text}\n${dim(`every ${WATCH_SECONDS} s; Ctrl-C stops`)}${tty ? "" : "\n"}`,
      );
      await pause(WATCH_SECONDS * 1000, interrupt.signal);
    }
  } finally {
    interrupt.dispose();
  }
}

/** `gini red`: RED metrics per service and operation, from the stack's Prometheus. Tests pass `deps`. */
export function registerRed(program: Command, deps?: RedDeps): void {
  selectionOptions(
    program
      .command("red")
      .description(
        "show RED metrics (request rate, errors, p50/p95/p99 latency) per service and operation",
      ),
  )
    .option("--watch", `redraw every ${WATCH_SECONDS} s until Ctrl-C`)
    .option("--json", "print a JSON document (with --watch, one line per refresh)")
    .option("--format <format>", "text, json or markdown (a table for a pull request)")
    .option("--save <name>", "save the window's figures per operation as baseline NAME")
    .option("--compare <name>", "each operation next to baseline NAME, significant changes marked")
    .option("--baselines", "list the saved baselines (.gini/baselines/)")
    .addHelpText("after", METHOD_TEXT)
    .action(async (flags: RedFlags, cmd: Command) => {
      const [config, { listBaselines, redSource }] = await Promise.all([
        import("../config/index.js"),
        import("../red/index.js"),
      ]);
      const format = reportFormat(flags, ["text", "json", "markdown"]);
      const asJson = format === "json";
      if (flags.save !== undefined && (flags.watch || flags.compare !== undefined)) {
        throw new GiniError("--save takes one reading: not with --watch or --compare", {
          hint: "save first, then compare: `gini red --save before`, later `gini red --compare before`",
          exitCode: EXIT_USAGE,
        });
      }
      const given = ["service", "operation", "spanKind"].filter(
        (k) => cmd.getOptionValueSource(k) === "cli",
      );
      if (flags.compare !== undefined && given.length > 0) {
        throw new GiniError(
          "--compare reads what the baseline selected: no --service, --operation or --span-kind",
          {
            hint: "`gini red --baselines` shows the baselines; save one with the selection you want",
            exitCode: EXIT_USAGE,
          },
        );
      }
      const selection = parseSelection(flags, config.SPAN_KINDS);
      const project = await config.loadProject(globalOptions(cmd));
      if (flags.baselines) {
        const listed = await listBaselines(project.dir);
        say(asJson ? JSON.stringify(listed, null, 2) : baselineLines(listed).join("\n"));
        return;
      }
      const { publishedHost } = await reachStack(cmd, project);
      const source = await redSource(project, publishedHost, deps);
      if (flags.save !== undefined) {
        const { baseline, file } = await source.save(flags.save, selection, cmd.parent!.version()!);
        const saved = savedLine(baseline, config.displayPath(file));
        say(asJson ? JSON.stringify(baseline, null, 2) : saved);
        return;
      }
      const tty = process.stdout.isTTY === true && format === "text";
      const json = (doc: unknown) => JSON.stringify(doc, null, flags.watch ? undefined : 2);
      const jaegerUi = config.hostUrl(publishedHost, config.PORTS.jaegerUi, "/");
      const name = flags.compare;
      // Unless --window is given, the comparison reads a window as long as the baseline's.
      const windowSeconds =
        cmd.getOptionValueSource("window") === "default" ? undefined : selection.windowSeconds;
      const frame = async () => {
        if (name === undefined) {
          const report = await source.read({ ...selection, operations: true, history: true });
          if (format === "markdown") return redMarkdown(report);
          return asJson ? json(report) : redLines(report, tty).join("\n");
        }
        const report = await source.compare(name, { windowSeconds });
        if (format === "markdown") return compareMarkdown(report, jaegerUi);
        return asJson ? json(report) : compareLines(report).join("\n");
      };
      if (flags.watch) await watch(frame, asJson, tty);
      else say(await frame());
    });
}

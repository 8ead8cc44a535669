import type { Command } from "commander";

import { GiniError } from "../errors.js";
import type { RedDeps, RedReport } from "../red/index.js";
import { globalOptions } from "./global-options.js";
import { onInterrupt } from "./interrupt.js";
import { dim, say, warn } from "./output.js";
import { reachStack } from "./reach-stack.js";
import { parseSelection, type SelectionFlags, selectionOptions } from "./red-flags.js";
import { redLines } from "./red-table.js";

interface RedFlags extends SelectionFlags {
  watch?: boolean;
  json?: boolean;
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
    .action(async (flags: RedFlags, cmd: Command) => {
      const [{ loadProject, SPAN_KINDS }, { redSource }] = await Promise.all([
        import("../config/index.js"),
        import("../red/index.js"),
      ]);
      const selection = parseSelection(flags, SPAN_KINDS);
      const project = await loadProject(globalOptions(cmd));
      await reachStack(cmd, project);
      const source = await redSource(project, deps);
      const tty = process.stdout.isTTY === true && !flags.json;
      const render = (report: RedReport) =>
        flags.json
          ? JSON.stringify(report, null, flags.watch ? undefined : 2)
          : redLines(report, tty).join("\n");
      const frame = async () =>
        render(await source.read({ ...selection, operations: true, history: true }));
      if (flags.watch) await watch(frame, flags.json === true, tty);
      else say(await frame());
    });
}

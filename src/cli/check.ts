import type { Command } from "commander";

import { EXIT_USAGE, GiniError } from "../errors.js";
import type { RedDeps } from "../red/index.js";
import { DEFAULT_RELATIVE_LIMITS, METHOD_TEXT } from "../red/method.js";
import { checkJunit } from "./check-junit.js";
import { checkMarkdown } from "./check-markdown.js";
import { checkLines } from "./check-output.js";
import { globalOptions } from "./global-options.js";
import { say } from "./output.js";
import { reachStack } from "./reach-stack.js";
import {
  type BudgetFlagText,
  parseBudgetFlags,
  parseRelativeFlags,
  parseSelection,
  type RelativeFlagText,
  type SelectionFlags,
  selectionOptions,
} from "./red-flags.js";
import { reportFormat } from "./report-format.js";

interface CheckFlags extends SelectionFlags, BudgetFlagText, RelativeFlagText {
  json?: boolean;
  format?: string;
}

/** Written in `gini check --help`; docs/commands/check.md shows it. */
const EXIT_CODES = `
Budgets come from the flags, else from slo: in gini.yaml (per service; "*" for all).
With --baseline, each operation of the baseline is judged against its own figures
there (p95 may grow ${DEFAULT_RELATIVE_LIMITS.p95IncreasePercent} % and the error rate ${DEFAULT_RELATIVE_LIMITS.errorIncreasePoints} pp unless the --max-* flags say
otherwise); a regression fails only when it is significant. Both kinds combine.
Exit codes: 0 every service (or operation) within budget; 1 one over budget or
significantly regressed, or a failure such as Prometheus not answering; 2 usage
error; 3 too few requests in the window to judge.
${METHOD_TEXT}`;

/** `gini check`: an SLO gate over the RED metrics, for CI; its exit code is the verdict. Tests pass `deps`. */
export function registerCheck(program: Command, deps?: RedDeps): void {
  selectionOptions(
    program
      .command("check")
      .description("check latency and error budgets against the RED metrics (an SLO gate for CI)"),
  )
    .option("--p95 <duration>", "budget for the p95 latency, e.g. 300ms")
    .option("--p99 <duration>", "budget for the p99 latency, e.g. 1s")
    .option("--error-rate <percent>", "budget for the failed share, e.g. 1%")
    .option("--min-requests <n>", "requests needed to judge (default 10)")
    .option("--baseline <name>", "judge operations against a saved baseline")
    .option(
      "--max-p95-increase <percent>",
      `p95 may grow by this much (${DEFAULT_RELATIVE_LIMITS.p95IncreasePercent}%)`,
    )
    .option("--max-p99-increase <percent>", "p99 may grow by this much (not checked)")
    .option(
      "--max-error-rate-increase <pp>",
      `errors may grow by this much (${DEFAULT_RELATIVE_LIMITS.errorIncreasePoints}pp)`,
    )
    .option("--json", "print the verdict as a JSON document")
    .option("--format <format>", "text, json, markdown (a PR comment) or junit (XML for CI)")
    .addHelpText("after", EXIT_CODES)
    .action(async (flags: CheckFlags, cmd: Command) => {
      const format = reportFormat(flags, ["text", "json", "markdown", "junit"]);
      const [{ hostUrl, loadProject, PORTS, SPAN_KINDS }, { anyLimits, redSource }] =
        await Promise.all([import("../config/index.js"), import("../red/index.js")]);
      const selection = parseSelection(flags, SPAN_KINDS);
      const budgets = parseBudgetFlags(flags);
      const relative = parseRelativeFlags(flags, DEFAULT_RELATIVE_LIMITS);
      const project = await loadProject(globalOptions(cmd));
      const { publishedHost } = await reachStack(cmd, project);
      if (!anyLimits(project.slo, budgets) && !relative) {
        throw new GiniError("gini check: no budget to check", {
          hint: "give --p95 300ms, --p99 1s, --error-rate 1% or --baseline NAME, or budgets under slo: in gini.yaml",
          exitCode: EXIT_USAGE,
        });
      }
      // With --baseline and no --window, the window is as long as the baseline's.
      const window =
        cmd.getOptionValueSource("window") === "default" ? undefined : selection.windowSeconds;
      const source = await redSource(project, publishedHost, deps);
      const report = await source.check(
        selection,
        budgets,
        relative && { ...relative, windowSeconds: window },
      );
      const printed = {
        text: () => checkLines(report).join("\n"),
        json: () => JSON.stringify(report, null, 2),
        markdown: () => checkMarkdown(report, hostUrl(publishedHost, PORTS.jaegerUi, "/")),
        junit: () => checkJunit(report),
      }[format];
      say(await printed());
      // The verdict is the command's output, printed above; only the exit code is left to set.
      if (report.exitCode !== 0) process.exitCode = report.exitCode;
    });
}

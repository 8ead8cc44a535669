/** The flags `gini red` and `gini check` share, and the budget flags of `gini check`. */
import type { Command } from "commander";

import type { SpanKind } from "../config/index.js";
import { EXIT_USAGE, GiniError } from "../errors.js";
import type { BudgetFlags, RedSelection, RelativeLimits } from "../red/index.js";
import { percentValue } from "../text/index.js";
import { parseDuration } from "./duration.js";

/** The span kinds `--span-kind` takes: the config model's, and `all`. */
const KINDS_HELP = "server, client, internal, producer, consumer or all";

/** The selection flags as commander parses them. */
export interface SelectionFlags {
  service?: string;
  operation?: string;
  window: string;
  spanKind: string;
}

/** Declares --service, --operation, --window and --span-kind on a command. */
export function selectionOptions(command: Command): Command {
  return command
    .option("--service <name>", "one service (the spans' service.name)")
    .option("--operation <name>", "one operation (span name, exactly)")
    .option("--window <duration>", "the rate window, e.g. 30s, 5m", "1m")
    .option("--span-kind <kind>", `spans counted as requests: ${KINDS_HELP}`, "server");
}

const usage = (message: string, hint: string) =>
  new GiniError(message, { hint, exitCode: EXIT_USAGE });

/** The selection, checked; `kinds` is the config model's list (loaded lazily by the caller). */
export function parseSelection(flags: SelectionFlags, kinds: readonly SpanKind[]): RedSelection {
  const windowSeconds = parseDuration(flags.window, "--window");
  if (windowSeconds < 1)
    throw usage(`--window: "${flags.window}" is too short`, "use 1s or more, e.g. --window 1m");
  const kind = flags.spanKind.toLowerCase();
  if (kind !== "all" && !kinds.includes(kind as SpanKind)) {
    throw usage(`--span-kind: "${flags.spanKind}" is not a span kind`, `use ${KINDS_HELP}`);
  }
  return {
    service: flags.service,
    operation: flags.operation,
    spanKind: kind === "all" ? undefined : (kind as SpanKind),
    windowSeconds,
  };
}

/** `gini check`'s budget flags as commander parses them. */
export interface BudgetFlagText {
  p95?: string;
  p99?: string;
  errorRate?: string;
  minRequests?: string;
}

/** A latency budget in ms; a bare number is refused (is 300 seconds or milliseconds?). */
function latency(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(text) ? undefined : parseDuration(text, flag);
  if (seconds === undefined || seconds <= 0) {
    throw usage(`${flag}: "${text}" is not a latency`, `give it with a unit, e.g. ${flag} 300ms`);
  }
  return seconds * 1000;
}

/** The budget flags, checked. */
export function parseBudgetFlags(flags: BudgetFlagText): BudgetFlags {
  const errorPercent = flags.errorRate === undefined ? undefined : percentValue(flags.errorRate);
  if (flags.errorRate !== undefined && errorPercent === undefined) {
    throw usage(`--error-rate: "${flags.errorRate}" is not a percentage`, "e.g. --error-rate 1%");
  }
  const minRequests = flags.minRequests === undefined ? undefined : Number(flags.minRequests);
  if (minRequests !== undefined && !(Number.isInteger(minRequests) && minRequests >= 1)) {
    throw usage(
      `--min-requests: "${flags.minRequests}" is not a whole number ≥ 1`,
      "e.g. --min-requests 20",
    );
  }
  return {
    p95Ms: latency(flags.p95, "--p95"),
    p99Ms: latency(flags.p99, "--p99"),
    errorPercent,
    minRequests,
  };
}

/** `gini check`'s relative flags as commander parses them. */
export interface RelativeFlagText {
  baseline?: string;
  maxP95Increase?: string;
  maxP99Increase?: string;
  maxErrorRateIncrease?: string;
}

/** `20%` or `20` (percent of the baseline's figure; may be over 100). */
function increase(text: string | undefined, flag: string, unit: "%" | "pp"): number | undefined {
  if (text === undefined) return undefined;
  const match = (
    unit === "%" ? /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/ : /^\s*(\d+(?:\.\d+)?)\s*(?:pp)?\s*$/
  ).exec(text);
  if (!match) {
    const example = unit === "%" ? "20%" : "1pp (percentage points)";
    throw usage(`${flag}: "${text}" is not an increase`, `e.g. ${flag} ${example}`);
  }
  return Number(match[1]);
}

/** The baseline and its limits (defaults under the flags), or undefined without `--baseline`. */
export function parseRelativeFlags(
  flags: RelativeFlagText,
  defaults: RelativeLimits,
): { name: string; limits: RelativeLimits } | undefined {
  const given = [flags.maxP95Increase, flags.maxP99Increase, flags.maxErrorRateIncrease];
  if (flags.baseline === undefined) {
    if (given.some((g) => g !== undefined)) {
      throw usage(
        "--max-*-increase needs --baseline NAME",
        "e.g. gini check --baseline before --max-p95-increase 20%",
      );
    }
    return undefined;
  }
  return {
    name: flags.baseline,
    limits: {
      p95IncreasePercent:
        increase(flags.maxP95Increase, "--max-p95-increase", "%") ?? defaults.p95IncreasePercent,
      p99IncreasePercent:
        increase(flags.maxP99Increase, "--max-p99-increase", "%") ?? defaults.p99IncreasePercent,
      errorIncreasePoints:
        increase(flags.maxErrorRateIncrease, "--max-error-rate-increase", "pp") ??
        defaults.errorIncreasePoints,
    },
  };
}

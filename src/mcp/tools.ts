/**
 * The tools of `gini mcp`: each runs one gini command with `--json` and answers its document.
 * The inputs are checked here (the SDK turns them into each tool's JSON schema); the command
 * checks the rest, as it would on the command line.
 */
import * as z from "zod";

import {
  baselinesSummary,
  checkSummary,
  compareSummary,
  doctorSummary,
  redSummary,
  statusSummary,
  tracesSummary,
} from "./summaries.js";

/** One tool: its input, the command line it runs, and how its answer is summed up. */
export interface ToolSpec {
  name: string;
  description: string;
  input: z.ZodRawShape;
  args: (input: Record<string, unknown>) => string[];
  summary: (doc: Record<string, unknown>) => string;
  /** The document's list an answer over the size limit is cut from. */
  listKey?: string;
  /** How long the command may take. */
  timeoutMs?: number;
  /** Changes the stack (up, down): only with `gini mcp --allow-lifecycle`. */
  lifecycle?: boolean;
}

/** The most traces an answer holds, and log lines. */
const MAX_TRACES = 20;
export const MAX_LOG_LINES = 1000;

/** A duration as the commands take it; they check it and say what is wrong. */
const duration = z.string().min(1).max(50).describe("a duration with a unit, e.g. 30s, 5m, 1h");
const name = z.string().min(1).max(200);

/**
 * `--flag=value` for each input given, in order: joined, so that a value starting with `-` is a
 * value, never another option (an agent must not be able to pass `--project-dir`).
 */
function flags(input: Record<string, unknown>, map: Record<string, string>): string[] {
  return Object.entries(map).flatMap(([key, flag]) => {
    const value = input[key];
    if (value === true) return [flag];
    // The schema lets only strings and numbers through besides booleans.
    return typeof value === "string" || typeof value === "number" ? [`${flag}=${value}`] : [];
  });
}

const SELECTION = {
  service: name.optional().describe("one service (service.name), or every service"),
  operation: name.optional().describe("one operation (span name), or every operation"),
  window: duration.optional().describe("the window the figures cover (default 5m)"),
};
const SELECTION_FLAGS = { service: "--service", operation: "--operation", window: "--window" };

export const TOOLS: ToolSpec[] = [
  {
    name: "status",
    description:
      "The Docker engine, the SPM stack's containers (state, health, ports) and the apps (pid, state, services): `gini status --json`.",
    input: {},
    args: () => ["status", "--json"],
    summary: statusSummary,
  },
  {
    name: "doctor",
    description:
      "Diagnose the stack, its configs and the apps; each failed or warned check comes with its fix: `gini doctor --json`.",
    input: {},
    args: () => ["doctor", "--json"],
    summary: doctorSummary,
    timeoutMs: 60_000,
  },
  {
    name: "red",
    description:
      "RED metrics (rate, errors, p50/p95/p99 latency) per service and operation from Prometheus, as Jaeger's Monitor tab shows them: `gini red --json`.",
    input: {
      ...SELECTION,
      spanKind: z
        .enum(["server", "client", "internal", "producer", "consumer"])
        .optional()
        .describe("spans counted as requests (default server)"),
    },
    args: (i) => ["red", "--json", ...flags(i, { ...SELECTION_FLAGS, spanKind: "--span-kind" })],
    summary: redSummary,
  },
  {
    name: "check",
    description:
      "Judge RED against budgets (flags here over gini.yaml's slo:) and, with `baseline`, against a saved baseline: verdict pass, fail or cannot-judge, each failing service or operation with its figures: `gini check --json`.",
    input: {
      ...SELECTION,
      p95: duration.optional().describe("p95 budget, e.g. 300ms"),
      p99: duration.optional().describe("p99 budget, e.g. 1s"),
      errorRate: z.string().optional().describe("error-rate budget, e.g. 1%"),
      minRequests: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe("fewer requests cannot be judged (default 10)"),
      baseline: name.optional().describe("a baseline saved with `gini red --save NAME`"),
      maxP95Increase: z
        .string()
        .optional()
        .describe("with baseline: the p95 increase allowed (default 20%)"),
      maxErrorRateIncrease: z
        .string()
        .optional()
        .describe("with baseline: error-rate increase allowed in percentage points (default 1pp)"),
    },
    args: (i) => [
      "check",
      "--json",
      ...flags(i, {
        ...SELECTION_FLAGS,
        p95: "--p95",
        p99: "--p99",
        errorRate: "--error-rate",
        minRequests: "--min-requests",
        baseline: "--baseline",
        maxP95Increase: "--max-p95-increase",
        maxErrorRateIncrease: "--max-error-rate-increase",
      }),
    ],
    summary: checkSummary,
  },
  {
    name: "baselines",
    description:
      "The RED baselines saved in this project (`gini red --save NAME`), to compare with: `gini red --baselines --json`.",
    input: {},
    args: () => ["red", "--baselines", "--json"],
    summary: baselinesSummary,
  },
  {
    name: "compare",
    description:
      "Each operation now next to a saved baseline, with the change and whether it is significant (p < 0.001): `gini red --compare NAME --json`.",
    input: { baseline: name.describe("the baseline's name"), window: SELECTION.window },
    args: (i) => ["red", "--json", ...flags(i, { baseline: "--compare", window: "--window" })],
    summary: compareSummary,
  },
  {
    name: "traces",
    description: `Recent traces from Jaeger as span lists (errors marked, with their messages), or one trace by id: \`gini traces --json\`. At most ${MAX_TRACES} traces.`,
    input: {
      traceId: z
        .string()
        .regex(/^[0-9a-fA-F]{1,32}$/)
        .optional()
        .describe("one trace by its id; no other input with it"),
      service: name
        .optional()
        .describe("traces through this service (default: the apps' services)"),
      errors: z.boolean().optional().describe("only traces with an error span"),
      limit: z
        .number()
        .int()
        .min(1)
        .max(MAX_TRACES)
        .optional()
        .describe(`at most this many traces (default 10, at most ${MAX_TRACES})`),
    },
    args: (i) => [
      "traces",
      ...(i.traceId ? [i.traceId as string] : []),
      "--json",
      ...flags(i, { service: "--service", errors: "--errors", limit: "--limit" }),
    ],
    summary: tracesSummary,
    listKey: "traces",
  },
  {
    name: "up",
    description:
      "Start the SPM stack and the apps in the background and wait until they are ready: `gini up --detach`. Only offered when the server runs with --allow-lifecycle.",
    input: {},
    args: () => ["up", "--detach"],
    summary: () => "",
    timeoutMs: 300_000,
    lifecycle: true,
  },
  {
    name: "down",
    description:
      "Stop the apps and remove the SPM stack's containers and network: `gini down`. Only offered when the server runs with --allow-lifecycle.",
    input: {},
    args: () => ["down"],
    summary: () => "",
    timeoutMs: 120_000,
    lifecycle: true,
  },
];

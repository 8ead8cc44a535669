/**
 * `gini red --compare`: each operation now next to a baseline's, with the change and whether
 * the data supports it (significance.ts). A stable JSON document: fields are only ever added.
 */
import type { Baseline } from "./baseline.js";
import { type OperationWindow, quantileFloorMs, type RedWindow } from "./red-window.js";
import {
  ALPHA,
  MIN_LATENCY_CHANGE,
  type ProportionTest,
  proportionTest,
  type QuantileTest,
  quantileTest,
} from "./significance.js";

const QUANTILES = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;
/** A latency quantile. */
export type Quantile = keyof typeof QUANTILES;

/** One latency quantile before and after, in ms, its change and its test. */
export interface LatencyChange {
  before: number | null;
  after: number | null;
  /** after - before in ms, and in percent of before; null when a side has no figure. */
  ms: number | null;
  percent: number | null;
  test: QuantileTest | null;
  significant: boolean;
}

/** The error rate before and after, in percent, its change in percentage points, and its test. */
interface ErrorChange {
  before: number | null;
  after: number | null;
  points: number | null;
  test: ProportionTest | null;
  significant: boolean;
}

/** One operation compared. */
export interface OperationComparison {
  service: string;
  operation: string;
  /**
   * `compared`; `too-few-requests` on either side (figures shown, no verdict); `new`: only now;
   * `vanished`: only in the baseline.
   */
  status: "compared" | "too-few-requests" | "new" | "vanished";
  requests: { before: number; after: number };
  requestsPerSecond: { before: number; after: number; percent: number | null };
  errorPercent: ErrorChange;
  latencyMs: Record<Quantile, LatencyChange>;
  /** True when any figure changed significantly. */
  significant: boolean;
  /**
   * Where the slowest requests now start, in ms: the lower bound of the bucket holding the p95
   * (see quantileFloorMs). Null without requests now.
   */
  slowestFromMs: number | null;
}

/** `gini red --compare NAME --json`. */
export interface CompareReport {
  baseline: { name: string; savedAt: string; gini: string; range: RedWindow["range"] };
  /** The window read now, and why it has no operations (null when it has). */
  now: { range: RedWindow["range"]; noData: RedWindow["noData"] };
  selection: RedWindow["selection"];
  method: { alpha: number; minLatencyChangePercent: number; minRequests: number };
  operations: OperationComparison[];
  /** True when any operation changed significantly. */
  significant: boolean;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentChange = (before: number | null, after: number | null) =>
  before === null || after === null || before === 0
    ? null
    : round(((after - before) / before) * 100);

function latency(
  q: Quantile,
  b: OperationWindow | undefined,
  a: OperationWindow | undefined,
  testable: boolean,
): LatencyChange {
  const before = b?.latencyMs[q] ?? null;
  const after = a?.latencyMs[q] ?? null;
  const test = testable && b && a ? quantileTest(b.histogram, a.histogram, QUANTILES[q]) : null;
  const percent = percentChange(before, after);
  return {
    before,
    after,
    ms: before === null || after === null ? null : round(after - before),
    percent,
    test,
    significant:
      test !== null && test.p < ALPHA && Math.abs(percent ?? 0) >= MIN_LATENCY_CHANGE * 100,
  };
}

function errors(
  b: OperationWindow | undefined,
  a: OperationWindow | undefined,
  testable: boolean,
): ErrorChange {
  const before = b?.errorPercent ?? null;
  const after = a?.errorPercent ?? null;
  const test =
    testable && b && a ? proportionTest(b.errors, b.requests, a.errors, a.requests) : null;
  return {
    before,
    after,
    points: before === null || after === null ? null : round(after - before, 2),
    test,
    significant: test !== null && test.p < ALPHA,
  };
}

/** One operation, from its window in the baseline and now (either may be missing). */
function compareOperation(
  b: OperationWindow | undefined,
  a: OperationWindow | undefined,
  minRequests: number,
): OperationComparison {
  const status = !a
    ? "vanished"
    : !b
      ? "new"
      : b.requests < minRequests || a.requests < minRequests
        ? "too-few-requests"
        : "compared";
  const testable = status === "compared";
  const latencyMs = {
    p50: latency("p50", b, a, testable),
    p95: latency("p95", b, a, testable),
    p99: latency("p99", b, a, testable),
  };
  const errorPercent = errors(b, a, testable);
  const rate = { before: b?.requestsPerSecond ?? 0, after: a?.requestsPerSecond ?? 0 };
  return {
    service: (a ?? b)!.service,
    operation: (a ?? b)!.operation,
    status,
    requests: { before: b?.requests ?? 0, after: a?.requests ?? 0 },
    requestsPerSecond: { ...rate, percent: percentChange(rate.before, rate.after) },
    errorPercent,
    latencyMs,
    significant: errorPercent.significant || Object.values(latencyMs).some((l) => l.significant),
    slowestFromMs: a ? quantileFloorMs(a.histogram, QUANTILES.p95) : null,
  };
}

/**
 * Compares a window read now with a baseline, operation by operation (those with requests on
 * either side), sorted by name.
 */
export function compare(baseline: Baseline, now: RedWindow, minRequests: number): CompareReport {
  const key = (o: OperationWindow) => `${o.service}\u0000${o.operation}`;
  const before = new Map(baseline.operations.map((o) => [key(o), o]));
  const after = new Map(now.operations.map((o) => [key(o), o]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  // An operation without requests on either side (a probe's, idle) says nothing: left out.
  const active = keys.filter((k) => (before.get(k)?.requests ?? 0) + (after.get(k)?.requests ?? 0));
  const operations = active.map((k) => compareOperation(before.get(k), after.get(k), minRequests));
  const { name, savedAt, gini, range } = baseline;
  return {
    baseline: { name, savedAt, gini, range },
    now: { range: now.range, noData: now.noData },
    selection: now.selection,
    method: { alpha: ALPHA, minLatencyChangePercent: MIN_LATENCY_CHANGE * 100, minRequests },
    operations,
    significant: operations.some((o) => o.significant),
  };
}

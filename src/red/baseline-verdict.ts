/**
 * `gini check --baseline`: each operation of a baseline against the relative limits; a regression
 * fails only when its test says it is real (compare.ts). A stable JSON document.
 */
import { plural } from "../text/index.js";
import type { CompareReport, OperationComparison } from "./compare.js";
import type { RelativeLimits } from "./method.js";

/** A limit an operation went over, significantly. */
interface Regression {
  limit: "p95-increase" | "p99-increase" | "error-rate-increase";
  before: number;
  after: number;
  /** The increase (percent of before for latency, percentage points for errors), and the limit. */
  increase: number;
  max: number;
  unit: "%" | "pp";
  /** The test's p-value (below ALPHA). */
  p: number;
}

/** One operation of the baseline, judged. */
export interface BaselineResult {
  service: string;
  operation: string;
  /**
   * `not-judged`: not in the baseline, or too few requests in it; it neither passes nor fails.
   * `cannot-judge`: too few requests now.
   */
  verdict: "pass" | "fail" | "cannot-judge" | "not-judged";
  reason: string | null;
  requests: { before: number; after: number };
  regressions: Regression[];
  /** Where the slowest requests now start, in ms (OperationComparison's). */
  slowestFromMs: number | null;
}

/** The relative half of `gini check --json`. */
export interface BaselineCheck {
  name: string;
  limits: RelativeLimits;
  /** Requests each side needs for a verdict. */
  minRequests: number;
  /** The window read now, in seconds (the baseline's unless `--window` says otherwise). */
  windowSeconds: number;
  verdict: "pass" | "fail" | "cannot-judge";
  results: BaselineResult[];
}

/** Why a checked latency limit has no test (no common bucket bound, no figure), or undefined. */
function untestable(o: OperationComparison, limits: RelativeLimits): string | undefined {
  const checked = [
    ["p95", limits.p95IncreasePercent],
    ["p99", limits.p99IncreasePercent],
  ] as const;
  const missing = checked
    .filter(
      ([q, max]) => max !== undefined && (!o.latencyMs[q].test || o.latencyMs[q].percent === null),
    )
    .map(([q]) => q);
  if (missing.length === 0) return undefined;
  return `no ${missing.join(", ")} test: the histograms share no bucket bound or a side has no figure`;
}

function regressions(o: OperationComparison, limits: RelativeLimits): Regression[] {
  const found: Regression[] = [];
  const latency = [
    ["p95-increase", o.latencyMs.p95, limits.p95IncreasePercent],
    ["p99-increase", o.latencyMs.p99, limits.p99IncreasePercent],
  ] as const;
  for (const [limit, l, max] of latency) {
    if (max === undefined || !l.test || l.percent === null) continue;
    // As `--compare` calls it significant, and slower: more requests above the split than before.
    if (l.significant && l.test.z > 0 && l.percent > max) {
      const { before, after, percent, test } = l;
      found.push({
        limit,
        before: before!,
        after: after!,
        increase: percent,
        max,
        unit: "%",
        p: test.p,
      });
    }
  }
  const e = o.errorPercent;
  if (e.significant && e.points !== null && e.points > limits.errorIncreasePoints) {
    found.push({
      limit: "error-rate-increase",
      before: e.before!,
      after: e.after!,
      increase: e.points,
      max: limits.errorIncreasePoints,
      unit: "pp",
      p: e.test!.p,
    });
  }
  return found;
}

function judgeOperation(
  o: OperationComparison,
  limits: RelativeLimits,
  minRequests: number,
): BaselineResult {
  const { service, operation, requests, slowestFromMs } = o;
  const base = { service, operation, requests, slowestFromMs };
  const { before, after } = o.requests;
  const unjudged = (verdict: "cannot-judge" | "not-judged", reason: string): BaselineResult => ({
    ...base,
    verdict,
    reason,
    regressions: [],
  });
  switch (o.status) {
    case "new":
      return unjudged("not-judged", "not in the baseline");
    case "vanished":
      return before < minRequests
        ? unjudged("not-judged", `${plural(before, "request")} in the baseline and none now`)
        : unjudged("cannot-judge", "no requests now");
    case "too-few-requests":
      return before < minRequests
        ? unjudged(
            "not-judged",
            `${plural(before, "request")} in the baseline, fewer than the ${minRequests} needed to judge`,
          )
        : unjudged(
            "cannot-judge",
            `${plural(after, "request")} now, fewer than the ${minRequests} needed to judge`,
          );
    case "compared": {
      const untested = untestable(o, limits);
      if (untested) return unjudged("cannot-judge", untested);
      const found = regressions(o, limits);
      return {
        ...base,
        verdict: found.length > 0 ? "fail" : "pass",
        reason: null,
        regressions: found,
      };
    }
  }
}

/** Judges a comparison: fail on any significant regression, else cannot-judge, else pass. */
export function judgeBaseline(comparison: CompareReport, limits: RelativeLimits): BaselineCheck {
  const min = comparison.method.minRequests;
  const results = comparison.operations.map((o) => judgeOperation(o, limits, min));
  const some = (v: BaselineResult["verdict"]) => results.some((r) => r.verdict === v);
  const verdict = some("fail")
    ? "fail"
    : some("cannot-judge") || !some("pass")
      ? "cannot-judge"
      : "pass";
  const { name } = comparison.baseline;
  const windowSeconds = comparison.now.range.windowSeconds;
  return { name, limits, minRequests: min, windowSeconds, verdict, results };
}

/** The verdict document of `gini check --json`. A stable document: fields are only ever added. */
import type { BaselineCheck } from "./baseline-verdict.js";
import type { NoData, RedReportHead } from "./report.js";

/** A budget a row went over. */
interface Violation {
  budget: "p95" | "p99" | "error_rate";
  /** What was measured, in `unit`. */
  measured: number;
  /** The budget, in `unit`. */
  limit: number;
  unit: "ms" | "%";
}

/** One judged row of `gini check --json`. */
export interface CheckResult {
  service: string;
  /** The operation with `--operation`, else null (the service as a whole). */
  operation: string | null;
  /** `cannot-judge`: too few requests (or no figure to compare); `no-budget`: nothing to check. */
  verdict: "pass" | "fail" | "cannot-judge" | "no-budget";
  /** Why it cannot be judged, or null. */
  reason: string | null;
  requests: number;
  measured: { p95Ms: number | null; p99Ms: number | null; errorPercent: number | null };
  /** The budget applied (flags over gini.yaml); null where none is set. */
  budget: {
    p95Ms: number | null;
    p99Ms: number | null;
    errorPercent: number | null;
    minRequests: number;
  };
  violations: Violation[];
}

/** `gini check --json`. A stable document: fields are only ever added. */
export interface CheckReport extends RedReportHead {
  /**
   * `fail` when a row is over budget or regressed against the baseline; else `cannot-judge` when
   * a row could not be judged (or none could); else `pass`.
   */
  verdict: "pass" | "fail" | "cannot-judge";
  ok: boolean;
  /** 0 pass, 1 fail, 3 cannot judge. */
  exitCode: number;
  results: CheckResult[];
  /** Why there were no span metrics at all for the selection, or null. */
  noData: NoData | null;
  /** The verdict of the budgets alone (`results`), or null when only a baseline was given. */
  budgetVerdict: "pass" | "fail" | "cannot-judge" | null;
  /** The comparison with a baseline (`--baseline`), or null. */
  baseline: BaselineCheck | null;
}

/**
 * When a change counts as significant, written once for the tests (significance.ts) and for
 * `--help` (with `gini check --baseline`'s default limits): a second public entry of src/red that imports nothing, so that the CLI can say it
 * without loading red (config, zod, yaml) on every command.
 */

/** A change is significant only when its test's p-value is below this (two-sided)... */
export const ALPHA = 0.001;
/** ...and, for a latency quantile, when it moved by at least this share of its baseline. */
export const MIN_LATENCY_CHANGE = 0.1;

/** How `--help` names the tests and the thresholds (docs/before-after.md says the same). */
export const METHOD_TEXT = `
A change is significant when its test gives p < ${ALPHA} (two-sided) and, for latency,
the quantile moved by ${MIN_LATENCY_CHANGE * 100} % or more. Errors: two-proportion z-test
(Fisher's exact test when an expected count is under 5).
Latency: quantile test (Mood's median test for p50, likewise for p95 and p99): the
share of requests slower than a histogram bucket bound between the two windows'
quantiles (the one nearest the baseline's quantile when both lie in one bucket),
before vs now, by a two-proportion z-test.`;

/** How much worse than the baseline an operation may get (`gini check --baseline`). */
export interface RelativeLimits {
  /** p95 may grow by this many percent of the baseline's. */
  p95IncreasePercent: number;
  /** p99 likewise; undefined: not checked. */
  p99IncreasePercent?: number;
  /** The error rate may grow by this many percentage points. */
  errorIncreasePoints: number;
}

/** Without --max-* flags: p95 up to 20 % slower, up to 1 percentage point more errors. */
export const DEFAULT_RELATIVE_LIMITS: RelativeLimits = {
  p95IncreasePercent: 20,
  errorIncreasePoints: 1,
};

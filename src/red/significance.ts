/**
 * The tests behind "significant" in `gini red --compare`, `gini check --baseline` and `up --watch`:
 * a two-proportion z-test on error rates, and on latency a quantile test (Mood's median test,
 * generalised to p95 and p99) over the duration histograms Prometheus keeps.
 */
import { errorFunction, gammaln } from "simple-statistics";

import type { Histogram } from "./red-window.js";

export { ALPHA, MIN_LATENCY_CHANGE } from "./method.js";

/** A two-proportion z-test: the shares before and after, z and the two-sided p-value. */
export interface ProportionTest {
  before: number;
  after: number;
  z: number;
  p: number;
}

/** The quantile test of one quantile: the bucket bound it splits at, and the proportion test. */
export interface QuantileTest extends ProportionTest {
  /** The share tested is the share of requests slower than this bound. */
  boundMs: number;
}

/** ln C(n, k). */
const lnChoose = (n: number, k: number) => gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);

/**
 * Fisher's exact test, two-sided: the probability, with the margins fixed, of a table no more
 * likely than the one seen. For small counts, where the z-test's normal approximation fails.
 */
function fisherP(x1: number, n1: number, x2: number, n2: number): number {
  const k = x1 + x2;
  const ln = (x: number) => lnChoose(n1, x) + lnChoose(n2, k - x) - lnChoose(n1 + n2, k);
  const seen = ln(x1);
  let p = 0;
  for (let x = Math.max(0, k - n2); x <= Math.min(k, n1); x++) {
    const l = ln(x);
    if (l <= seen + 1e-9) p += Math.exp(l);
  }
  return Math.min(1, p);
}

/**
 * Two-proportion z-test with the pooled variance; p = 1 when there is no variance at all. When a
 * cell's expected count is under 5, p comes from Fisher's exact test instead.
 */
export function proportionTest(x1: number, n1: number, x2: number, n2: number): ProportionTest {
  const before = n1 > 0 ? x1 / n1 : 0;
  const after = n2 > 0 ? x2 / n2 : 0;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { before, after, z: 0, p: 1 };
  const z = (after - before) / se;
  const expected = [n1, n2].flatMap((n) => [n * pooled, n * (1 - pooled)]);
  if (Math.min(...expected) < 5) return { before, after, z, p: fisherP(x1, n1, x2, n2) };
  // errorFunction is an approximation (error ~1e-7): it may step a hair past 1.
  const p = Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
  return { before, after, z, p };
}

/** Requests at or below each bound (bounds ascending), and the total. */
function cumulative(h: Histogram): { at: Map<number, number>; total: number } {
  let sum = 0;
  const at = new Map<number, number>();
  h.boundsMs.forEach((bound, i) => at.set(bound, (sum += h.counts[i] ?? 0)));
  return { at, total: sum + (h.counts[h.boundsMs.length] ?? 0) };
}

/**
 * Tests whether the `q` quantile moved: the shares of requests slower than one bucket bound (both
 * histograms have it) are compared. The bound is one between the two windows' quantiles, where a
 * move of the quantile shows as a move of that share (in either direction); when both quantiles
 * lie in one bucket, the bound where the baseline's share of slower requests is nearest 1 - q.
 * Among several, the one whose baseline share is nearest 1 - q. Null without a common bound or
 * without requests on a side.
 */
export function quantileTest(before: Histogram, after: Histogram, q: number): QuantileTest | null {
  const b = cumulative(before);
  const a = cumulative(after);
  if (b.total === 0 || a.total === 0) return null;
  const common = before.boundsMs.filter((bound) => a.at.has(bound));
  if (common.length === 0) return null;
  const slower = (c: typeof b, bound: number) => c.total - (c.at.get(bound) ?? 0);
  // The upper bound of the bucket holding each window's quantile (Infinity: above the last).
  const bucketOf = (c: typeof b) =>
    common.find((bound) => (c.at.get(bound) ?? 0) >= q * c.total) ?? Infinity;
  const [low, high] = [bucketOf(b), bucketOf(a)].sort((x, y) => x - y) as [number, number];
  const between = common.filter((bound) => bound >= low && bound < high);
  const candidates = between.length > 0 ? between : common;
  const boundMs = candidates.reduce((best, bound) =>
    Math.abs(slower(b, bound) / b.total - (1 - q)) < Math.abs(slower(b, best) / b.total - (1 - q))
      ? bound
      : best,
  );
  return {
    boundMs,
    ...proportionTest(slower(b, boundMs), b.total, slower(a, boundMs), a.total),
  };
}

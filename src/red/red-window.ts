/**
 * What a baseline keeps and a comparison compares: per operation, the window's RED figures, its
 * error count and its duration histogram, as Prometheus has them.
 */
import type { ConfigFacts } from "../config/index.js";
import type { Prometheus } from "./prometheus.js";
import { bucketsQuery, errorsQuery, type RedSelection } from "./promql.js";
import { readRed } from "./read-red.js";
import type { NoData, RedFigures } from "./report.js";

/**
 * A duration histogram: `counts[i]` requests took at most `boundsMs[i]` and more than the bound
 * before it; the last count, one more than the bounds, is above the last bound.
 */
export interface Histogram {
  boundsMs: number[];
  counts: number[];
}

/**
 * The lower bound of the bucket that holds the `q` quantile: requests at least this long are among
 * the slowest `1 - q`. A quantile read from a histogram is interpolated inside its bucket and may
 * lie above every real request, so a search for the slowest traces starts here. 0 in the first
 * bucket; null without requests.
 */
export function quantileFloorMs(h: Histogram, q: number): number | null {
  const total = h.counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  let below = 0;
  for (const [i, n] of h.counts.entries()) {
    below += n;
    if (below >= q * total) return i === 0 ? 0 : h.boundsMs[i - 1]!;
  }
  return h.boundsMs.at(-1) ?? 0;
}

/** One operation (span name) of a service over the window. */
export interface OperationWindow extends Omit<RedFigures, "history"> {
  service: string;
  operation: string;
  /** Failed requests (span status Error) in the window. */
  errors: number;
  histogram: Histogram;
}

/** The figures of a selection over one window, and what they were read from. */
export interface RedWindow {
  /** The window: its start and end (ISO 8601) and its length in seconds. */
  range: { start: string; end: string; windowSeconds: number };
  /** The span kind counted as requests (null: every kind), and the filters. */
  selection: { spanKind: string | null; service: string | null; operation: string | null };
  /** The span-metric names the figures come from (the config model's). */
  metrics: { calls: string; duration: string; unit: string };
  operations: OperationWindow[];
  /** Why there are no operations, or null when there are. */
  noData: NoData | null;
}

/** An operation's key in the maps below: service NUL operation. */
const keyOf = (service: string, operation: string) => `${service}\u0000${operation}`;

/** The key of a Prometheus sample grouped by service and operation. */
const sampleKey = (labels: Record<string, string>, facts: ConfigFacts) =>
  keyOf(labels[facts.names.labels.service] ?? "", labels[facts.names.labels.operation] ?? "");

/** The histogram of each operation (keyed service NUL operation) from `bucketsQuery`'s counts. */
export function histograms(
  samples: { labels: Record<string, string>; value: number }[],
  facts: ConfigFacts,
): Map<string, Histogram> {
  const toMs = facts.names.unit === "s" ? 1000 : 1;
  const cumulative = new Map<string, [number, number][]>();
  for (const s of samples) {
    const key = sampleKey(s.labels, facts);
    const le = s.labels.le === "+Inf" ? Infinity : Number(s.labels.le) * toMs;
    if (Number.isNaN(le) || !Number.isFinite(s.value)) continue;
    cumulative.set(key, [...(cumulative.get(key) ?? []), [le, Math.round(s.value)]]);
  }
  return new Map(
    [...cumulative].map(([key, points]) => {
      points.sort((a, b) => a[0] - b[0]);
      // increase() extrapolates each bucket on its own: counts may dip by rounding; never below 0.
      let below = 0;
      const counts = points.map(([, c]) => {
        const n = Math.max(0, c - below);
        below = Math.max(below, c);
        return n;
      });
      const boundsMs = points.map(([le]) => le).filter(Number.isFinite);
      if (boundsMs.length === counts.length) counts.push(0);
      return [key, { boundsMs, counts }];
    }),
  );
}

/** Reads the selection's window ending at `time` (unix seconds), per operation. */
export async function readRedWindow(
  prom: Prometheus,
  facts: ConfigFacts,
  selection: RedSelection,
  time: number,
): Promise<RedWindow> {
  const [red, buckets, failed] = await Promise.all([
    readRed(prom, facts, { ...selection, operations: true, history: false }, time),
    prom.instant(bucketsQuery(facts.names, selection), time),
    prom.instant(errorsQuery(facts.names, selection), time),
  ]);
  const byKey = histograms(buckets, facts);
  const errorsByKey = new Map(
    failed.map((f) => [
      sampleKey(f.labels, facts),
      Number.isFinite(f.value) ? Math.round(f.value) : 0,
    ]),
  );
  const operations = red.services.flatMap((s) =>
    s.operations.map(({ name, history: _, ...figures }): OperationWindow => {
      // No error series for an operation that has requests means no error.
      const errors = Math.min(figures.requests, errorsByKey.get(keyOf(s.name, name)) ?? 0);
      const histogram = byKey.get(keyOf(s.name, name)) ?? { boundsMs: [], counts: [0] };
      return { service: s.name, operation: name, ...figures, errors, histogram };
    }),
  );
  const { calls, duration, unit } = facts.names;
  return {
    range: {
      start: new Date((time - selection.windowSeconds) * 1000).toISOString(),
      end: red.at,
      windowSeconds: selection.windowSeconds,
    },
    selection: { spanKind: red.spanKind, service: red.service, operation: red.operation },
    metrics: { calls, duration, unit },
    operations,
    noData: red.noData,
  };
}

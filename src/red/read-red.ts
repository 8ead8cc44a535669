/** Reads the RED figures of a selection from Prometheus into the RED model. */
import type { ConfigFacts } from "../config/index.js";
import { whyNoData } from "./no-data.js";
import type { Prometheus, Sample } from "./prometheus.js";
import {
  type Grouping,
  rateQuery,
  type RedQueries,
  redQueries,
  type RedSelection,
} from "./promql.js";
import type { RedFigures, RedOperation, RedReport, RedService } from "./report.js";

/** What to read beyond the selection. */
export interface RedOptions extends RedSelection {
  /** Rows per operation under each service. */
  operations: boolean;
  /** The request-rate history of each row, for sparklines. */
  history: boolean;
}

/** How far back the history reaches, and its step. */
const HISTORY_SECONDS = 300;
const HISTORY_STEP_SECONDS = 15;
const POINTS = HISTORY_SECONDS / HISTORY_STEP_SECONDS + 1;

/** The results of one grouping's queries, by row key. */
type Results = Record<keyof RedQueries, Map<string, number>> & {
  history: Map<string, (number | null)[]>;
};

const SEP = "\u0000";
const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs a grouping's queries at `time` (all at once); the history when asked for. */
async function query(
  prom: Prometheus,
  facts: ConfigFacts,
  options: RedOptions,
  grouping: Grouping,
  time: number,
): Promise<Results> {
  const names = facts.names;
  const { service, operation } = names.labels;
  const key = (labels: Record<string, string>) =>
    grouping === "service"
      ? (labels[service] ?? "")
      : `${labels[service] ?? ""}${SEP}${labels[operation] ?? ""}`;
  const byKey = (samples: Sample[]) => new Map(samples.map((s) => [key(s.labels), s.value]));
  const queries = redQueries(names, options, grouping);
  const kinds = Object.keys(queries) as (keyof RedQueries)[];
  const start = time - HISTORY_SECONDS;
  const [history, ...answers] = await Promise.all([
    options.history
      ? prom.range(rateQuery(names, options, grouping), start, time, HISTORY_STEP_SECONDS)
      : Promise.resolve([]),
    ...kinds.map((k) => prom.instant(queries[k], time)),
  ]);
  const results = Object.fromEntries(
    kinds.map((k, i) => [k, byKey(answers[i]!)]),
  ) as unknown as Results;
  results.history = new Map(
    history.map((series) => {
      const points: (number | null)[] = Array.from({ length: POINTS }, () => null);
      for (const [t, v] of series.points) {
        const i = Math.round((t - start) / HISTORY_STEP_SECONDS);
        if (i >= 0 && i < POINTS) points[i] = finite(v) === null ? null : round(v, 3);
      }
      return [key(series.labels), points];
    }),
  );
  return results;
}

/** A row's figures; latencies converted from the histogram's unit to milliseconds. */
function figures(results: Results, key: string, windowSeconds: number, unit: string): RedFigures {
  const rate = finite(results.rate.get(key)) ?? 0;
  const toMs = unit === "s" ? 1000 : 1;
  const latency = (q: "p50" | "p95" | "p99") => {
    const v = finite(results[q].get(key));
    return v === null || rate === 0 ? null : round(v * toMs, 1);
  };
  // No error series for a row that has requests means no error, as the Monitor tab reads it.
  const errors = finite(results.errors.get(key)) ?? 0;
  return {
    requestsPerSecond: round(rate, 3),
    requests: Math.round(rate * windowSeconds),
    errorPercent: rate > 0 ? round(errors * 100, 2) : null,
    latencyMs: { p50: latency("p50"), p95: latency("p95"), p99: latency("p99") },
    history: results.history.get(key) ?? [],
  };
}

/** The report of a selection at `time` (unix seconds), saying why when it has no data. */
export async function readRed(
  prom: Prometheus,
  facts: ConfigFacts,
  options: RedOptions,
  time: number,
): Promise<RedReport> {
  const [services, operations] = await Promise.all([
    query(prom, facts, options, "service", time),
    options.operations ? query(prom, facts, options, "operation", time) : undefined,
  ]);
  const { unit } = facts.names;
  const w = options.windowSeconds;
  const rows: RedService[] = [...services.rate.keys()].sort().map((name) => ({
    name,
    ...figures(services, name, w, unit),
    operations: [...(operations?.rate.keys() ?? [])]
      .filter((k) => k.startsWith(`${name}${SEP}`))
      .sort()
      .map((k): RedOperation => ({
        name: k.slice(name.length + 1),
        ...figures(operations!, k, w, unit),
      })),
  }));
  return {
    prometheus: prom.url,
    at: new Date(time * 1000).toISOString(),
    windowSeconds: w,
    spanKind: options.spanKind ?? null,
    service: options.service ?? null,
    operation: options.operation ?? null,
    historySeconds: HISTORY_SECONDS,
    historyStepSeconds: HISTORY_STEP_SECONDS,
    services: rows,
    noData: rows.length > 0 ? null : await whyNoData(prom, facts, options, time),
  };
}

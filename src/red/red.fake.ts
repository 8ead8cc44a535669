/**
 * A fake Prometheus behind the HttpGet seam, for the red and check tests: it answers each query
 * by its shape (rate, error ratio, quantile, inventory, ...) from a small scene of rows, and
 * records every query it was asked.
 */
import type { HttpGet, HttpResponse } from "../health/index.js";
import type { RedDeps } from "./source.js";

/** One operation of one service as the fake serves it. */
export interface FakeRow {
  service: string;
  operation: string;
  /** Requests per second. */
  rate: number;
  /** Failed / all; undefined: no error series at all. */
  errorRatio?: number;
  /** Quantiles in the histogram's unit. */
  p50?: number;
  p95?: number;
  p99?: number;
  /** The range query's points, [seconds after the range's start, value]. */
  history?: [number, number][];
}

/** What the fake Prometheus holds. */
export interface Scene {
  rows?: FakeRow[];
  /** Calls series that exist (labels); default: every row, as server spans. */
  inventory?: Record<string, string>[];
  targets?: { instance: string; health: string; lastError?: string; scrapeInterval?: string }[];
  /** otelcol_receiver_accepted_spans, summed; undefined: no such series. */
  accepted?: number;
  /** The most samples of a selected calls series in the window. */
  samples?: number;
  /** Nothing answers: connection refused. */
  down?: boolean;
  /** The services each app sends (the gini_app label of the calls series). */
  apps?: Record<string, string[]>;
}

export const NOW_MS = Date.parse("2026-11-25T10:00:00Z");

const ok = (data: unknown): HttpResponse => ({
  status: 200,
  body: JSON.stringify({ status: "success", data }),
});
const vector = (result: { metric: Record<string, string>; value: number }[]) =>
  ok({
    resultType: "vector",
    result: result.map((r) => ({ metric: r.metric, value: [NOW_MS / 1000, String(r.value)] })),
  });

/** The rows of a grouping: per operation as they are, per service summed (quantiles: the max). */
function grouped(rows: FakeRow[], byOperation: boolean): FakeRow[] {
  if (byOperation) return rows;
  const services = [...new Set(rows.map((r) => r.service))];
  return services.map((service) => {
    const own = rows.filter((r) => r.service === service);
    const rate = own.reduce((sum, r) => sum + r.rate, 0);
    const failed = own.reduce((sum, r) => sum + r.rate * (r.errorRatio ?? 0), 0);
    const max = (q: "p50" | "p95" | "p99") =>
      own.some((r) => r[q] !== undefined) ? Math.max(...own.map((r) => r[q] ?? 0)) : undefined;
    const anyErrors = own.some((r) => r.errorRatio !== undefined);
    return {
      service,
      operation: "",
      rate,
      errorRatio: anyErrors ? (rate > 0 ? failed / rate : NaN) : undefined,
      p50: max("p50"),
      p95: max("p95"),
      p99: max("p99"),
      history: own[0]?.history,
    };
  });
}

/** The answer to one instant query, by its shape. */
function instant(scene: Scene, query: string): HttpResponse {
  const rows = scene.rows ?? [];
  const rowsOf = grouped(rows, query.includes("by (service_name, span_name"));
  const metric = (r: FakeRow): Record<string, string> =>
    r.operation ? { service_name: r.service, span_name: r.operation } : { service_name: r.service };
  const each = (value: (r: FakeRow) => number | undefined) =>
    vector(
      rowsOf.flatMap((r) => {
        const v = value(r);
        return v === undefined ? [] : [{ metric: metric(r), value: v }];
      }),
    );
  const quantile = /^histogram_quantile\(0\.(\d+)/.exec(query)?.[1];
  if (quantile) return each((r) => r[`p${quantile}` as "p50" | "p95" | "p99"]);
  if (query.startsWith("sum(rate(") && query.includes(" / ")) return each((r) => r.errorRatio);
  if (query.startsWith("sum(rate(")) return each((r) => r.rate);
  if (query.startsWith("count by (gini_app")) {
    const series = Object.entries(scene.apps ?? {}).flatMap(([app, services]) =>
      services.map((service) => ({ metric: { gini_app: app, service_name: service }, value: 1 })),
    );
    return vector(series);
  }
  if (query.startsWith("count(")) {
    const inventory =
      scene.inventory ??
      rows.map((r) => ({
        service_name: r.service,
        span_kind: "SPAN_KIND_SERVER",
        span_name: r.operation,
      }));
    return vector(inventory.map((metric) => ({ metric, value: 1 })));
  }
  if (query.startsWith("max(count_over_time(")) {
    return vector(scene.samples === undefined ? [] : [{ metric: {}, value: scene.samples }]);
  }
  if (query.startsWith("sum({__name__")) {
    return vector(scene.accepted === undefined ? [] : [{ metric: {}, value: scene.accepted }]);
  }
  return { status: 400, body: JSON.stringify({ status: "error", error: `fake: ${query}` }) };
}

/** The fake, with the queries it was asked (decoded) in order. */
export function fakePrometheus(scene: Scene): { deps: RedDeps; queries: string[]; urls: string[] } {
  const queries: string[] = [];
  const urls: string[] = [];
  const http: HttpGet = async (url) => {
    urls.push(url);
    if (scene.down) return { status: 0, body: "", error: "connection refused" };
    const u = new URL(url);
    const query = u.searchParams.get("query") ?? "";
    if (query) queries.push(query);
    if (u.pathname === "/api/v1/targets") {
      const activeTargets = (scene.targets ?? []).map((t) => ({
        labels: { instance: t.instance },
        health: t.health,
        lastError: t.lastError ?? "",
        scrapeInterval: t.scrapeInterval ?? "5s",
      }));
      return ok({ activeTargets });
    }
    if (u.pathname === "/api/v1/query_range") {
      const start = Number(u.searchParams.get("start"));
      const rowsOf = grouped(scene.rows ?? [], query.includes("by (service_name, span_name"));
      const result = rowsOf.map((r) => ({
        metric: r.operation
          ? { service_name: r.service, span_name: r.operation }
          : { service_name: r.service },
        values: (r.history ?? []).map(([t, v]) => [start + t, String(v)]),
      }));
      return ok({ resultType: "matrix", result });
    }
    return instant(scene, query);
  };
  return { deps: { http, now: () => NOW_MS }, queries, urls };
}

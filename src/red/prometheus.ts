/** Prometheus's HTTP API, as `gini red` and `gini check` read it: instant and range queries, targets. */
import { GiniError } from "../errors.js";
import { describe, type HttpGet, type HttpResponse, isOk, json } from "../health/index.js";
import { durationSeconds } from "../text/index.js";

/** One series of an instant query's vector: its labels and its value (NaN, ±Infinity kept). */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** One series of a range query's matrix: its labels and its points, [unix seconds, value]. */
interface Series {
  labels: Record<string, string>;
  points: [number, number][];
}

/** A scrape target from /api/v1/targets. */
export interface Target {
  /** host:port, e.g. otel-collector:8889. */
  address: string;
  /** up, down or unknown (not scraped yet). */
  health: string;
  lastError: string;
  /** How often Prometheus scrapes it, in seconds, when it says. */
  scrapeSeconds: number | undefined;
}

/** The read-only client; every method throws a GiniError when Prometheus does not answer. */
export interface Prometheus {
  /** Where Prometheus is, e.g. http://localhost:9090. */
  url: string;
  instant(query: string, time: number): Promise<Sample[]>;
  range(query: string, start: number, end: number, step: number): Promise<Series[]>;
  targets(): Promise<Target[]>;
}

/** A value as Prometheus writes it: "1.5", "NaN", "+Inf". */
export function promValue(text: unknown): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return typeof text === "string" ? Number(text) : NaN;
}

type Doc = { status?: string; error?: string; data?: Record<string, unknown> };

/** The `data` of an answer, or the GiniError saying why there is none. */
function dataOf(url: string, what: string, r: HttpResponse): Record<string, unknown> {
  if (r.status === 0) {
    throw new GiniError(`prometheus does not answer at ${url} (${describe(r)})`, {
      hint: "start the stack with `gini up` (`gini status` shows what runs)",
    });
  }
  const doc = json(r) as Doc | undefined;
  if (!isOk(r) || doc?.status !== "success" || !doc.data) {
    throw new GiniError(`prometheus at ${url} refused ${what}: ${doc?.error ?? describe(r)}`, {
      hint: "`gini doctor` checks the stack; run again with --verbose to see the query",
      cause: new Error(what),
    });
  }
  return doc.data;
}

type Raw = { metric?: Record<string, string>; value?: unknown[]; values?: unknown[][] };

const rawResult = (data: Record<string, unknown>): Raw[] =>
  Array.isArray(data.result) ? (data.result as Raw[]) : [];

/** A client of the Prometheus at `url` (no trailing slash) over `http`. */
export function prometheusAt(url: string, http: HttpGet): Prometheus {
  const get = async (path: string, params: Record<string, string>, what: string) =>
    dataOf(url, what, await http(`${url}${path}?${new URLSearchParams(params).toString()}`));
  return {
    url,
    instant: async (query, time) => {
      const data = await get("/api/v1/query", { query, time: String(time) }, `the query ${query}`);
      return rawResult(data).map((r) => ({
        labels: r.metric ?? {},
        value: promValue(r.value?.[1]),
      }));
    },
    range: async (query, start, end, step) => {
      const params = { query, start: String(start), end: String(end), step: String(step) };
      const data = await get("/api/v1/query_range", params, `the query ${query}`);
      return rawResult(data).map((r) => ({
        labels: r.metric ?? {},
        points: (r.values ?? []).map((p): [number, number] => [Number(p[0]), promValue(p[1])]),
      }));
    },
    targets: async () => {
      const data = await get("/api/v1/targets", { state: "active" }, "the list of targets");
      const active = Array.isArray(data.activeTargets) ? data.activeTargets : [];
      return active.map((t: Record<string, unknown>) => {
        const labels = (t.labels ?? {}) as Record<string, string>;
        const text = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);
        return {
          address: labels.instance ?? "",
          health: text(t.health, "unknown"),
          lastError: text(t.lastError, ""),
          scrapeSeconds: durationSeconds(t.scrapeInterval),
        };
      });
    },
  };
}

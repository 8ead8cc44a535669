import { GiniError } from "../errors.js";
import { describe, type HttpGet, type HttpResponse, isOk, json } from "../health/index.js";
import { hostUrl, PORTS, probeUrl } from "../stack/index.js";
import { spansOf } from "./otlp.js";
import type { TraceSpan } from "./span.js";

/** One trace search: a service's traces that started in [startMs, endMs], at most `depth`. */
export interface TraceQuery {
  service: string;
  startMs: number;
  endMs: number;
  depth: number;
}

/** Jaeger's HTTP API: how to ask it, and where its user reaches it (for messages). */
export interface JaegerApi {
  /** GET with a timeout; never rejects. Jaeger answers on this machine's loopback. */
  http: HttpGet;
  /** Where this machine's user reaches the published ports (see hostUrl). */
  publishedHost: string;
}

const UNREACHABLE_HINT = "start the stack with `gini up` (`gini status` shows what runs)";

/** Jaeger's message from an api_v3 error answer (`{"error":{"message":...}}`), else the status. */
function reason(r: HttpResponse): string {
  const message = (json(r) as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === "string" ? `${describe(r)}: ${message}` : describe(r);
}

/**
 * GETs an api_v3 path and parses the answer; undefined for a 404, which api_v3 also gives for a
 * search that found nothing. Anything else that is not JSON is a GiniError.
 */
async function getJson(jaeger: JaegerApi, path: string): Promise<unknown> {
  const r = await jaeger.http(probeUrl(jaeger.publishedHost, PORTS.jaegerUi, path));
  if (r.status === 0) {
    const url = hostUrl(jaeger.publishedHost, PORTS.jaegerUi);
    throw new GiniError(`Jaeger does not answer on ${url} (${describe(r)})`, {
      hint: UNREACHABLE_HINT,
    });
  }
  if (r.status === 404) return undefined;
  const route = path.split("?")[0]!;
  if (!isOk(r)) {
    throw new GiniError(`Jaeger's ${route} failed: ${reason(r)}`, {
      hint: "`gini logs jaeger` shows why",
    });
  }
  const body = json(r);
  if (body === undefined) {
    // The likeliest cause: a search for many large traces, cut short by the HTTP client's limit.
    const mb = (Buffer.byteLength(r.body) / 1e6).toFixed(1);
    throw new GiniError(`Jaeger's answer to ${route} is not complete JSON (${mb} MB read)`, {
      hint: "ask for fewer traces (--limit, --service): very large answers are cut short",
    });
  }
  return body;
}

/** The services Jaeger has spans from (`{}` while it has none). */
export async function jaegerServices(jaeger: JaegerApi): Promise<string[]> {
  const body = (await getJson(jaeger, "/api/v3/services")) as { services?: unknown } | undefined;
  return Array.isArray(body?.services) ? body.services.map(String) : [];
}

/**
 * The spans of a service's most recent traces. The parameters are api_v3's camelCase names (Jaeger
 * 2.20 made them canonical; the snake_case spellings of earlier releases are deprecated aliases).
 */
export async function searchTraces(jaeger: JaegerApi, q: TraceQuery): Promise<TraceSpan[]> {
  const start = new Date(q.startMs).toISOString();
  const end = new Date(q.endMs).toISOString();
  const params = new URLSearchParams([
    ["query.serviceName", q.service],
    ["query.startTimeMin", start],
    ["query.startTimeMax", end],
    ["query.searchDepth", String(q.depth)],
  ]);
  return spansOf(await getJson(jaeger, `/api/v3/traces?${params.toString()}`));
}

/** The spans of one trace; empty when Jaeger does not have it. */
export async function traceSpans(jaeger: JaegerApi, traceId: string): Promise<TraceSpan[]> {
  return spansOf(await getJson(jaeger, `/api/v3/traces/${traceId}`));
}

import { isoMicros } from "./format.js";
import type { TraceSearch } from "./search.js";
import type { TraceSpan } from "./span.js";
import type { Trace } from "./tree.js";
import { traceUrl } from "./url.js";

/**
 * One span in `gini traces --json`: the span as gini reads it, with its start as text. Stable:
 * fields are only ever added.
 */
type SpanDocument = Omit<TraceSpan, "startMs"> & {
  /** RFC 3339, UTC, with microseconds. */
  startTime: string;
};

/** One trace in `gini traces --json`. Stable: fields are only ever added. */
interface TraceDocument {
  traceId: string;
  /** The trace in the Jaeger UI. */
  url: string;
  /** Service and name of the first root span: the trace's entry point. */
  rootService: string;
  rootName: string;
  /** The earliest span's start: RFC 3339, UTC, with microseconds. */
  startTime: string;
  /** Latest span end minus earliest start, in milliseconds. */
  durationMs: number;
  spanCount: number;
  /** Spans with an error. */
  errorCount: number;
  /** Depth-first in tree order, children by start time: a span comes after its parent. */
  spans: SpanDocument[];
}

/** `gini traces --json` and `gini traces TRACE_ID --json`. Stable: fields are only ever added. */
interface TracesDocument {
  /** The services searched; empty when one trace was asked for by id. */
  services: string[];
  /** Every service Jaeger has spans from, except Jaeger's own; empty for a trace by id. */
  knownServices: string[];
  /** Most recent first. */
  traces: TraceDocument[];
}

/** Microsecond precision: what Jaeger keeps, without float noise. */
const micros = (ms: number): number => Math.round(ms * 1000) / 1000;

function spanDocument(s: TraceSpan): SpanDocument {
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId,
    service: s.service,
    name: s.name,
    kind: s.kind,
    startTime: isoMicros(s.startMs),
    durationMs: micros(s.durationMs),
    error: s.error,
    errorMessage: s.errorMessage,
    attributes: s.attributes,
  };
}

/** One trace as its document, its link on `publishedHost`. */
function traceDocument(t: Trace, publishedHost: string): TraceDocument {
  return {
    traceId: t.traceId,
    url: traceUrl(publishedHost, t.traceId),
    rootService: t.root.service,
    rootName: t.root.name,
    startTime: isoMicros(t.startMs),
    durationMs: micros(t.durationMs),
    spanCount: t.spans.length,
    errorCount: t.errorCount,
    spans: t.spans.map(spanDocument),
  };
}

/** A search's document, or (without a search) one trace's; links on `publishedHost`. */
export function tracesDocument(search: TraceSearch | Trace, publishedHost: string): TracesDocument {
  if ("roots" in search) {
    return { services: [], knownServices: [], traces: [traceDocument(search, publishedHost)] };
  }
  return {
    services: search.searched,
    knownServices: search.known,
    traces: search.traces.map((t) => traceDocument(t, publishedHost)),
  };
}

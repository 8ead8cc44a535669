import { attributeMap, isKept, type OtlpKeyValue, plainValue } from "./attributes.js";
import type { TraceSpan, TraceSpanKind } from "./span.js";

/** An OTLP JSON span, as far as gini reads it. */
interface OtlpSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  /** A number in protobuf's JSON, or the enum's name from some encoders. */
  kind?: number | string;
  startTimeUnixNano?: string | number;
  endTimeUnixNano?: string | number;
  attributes?: OtlpKeyValue[];
  events?: { name?: string; attributes?: OtlpKeyValue[] }[];
  status?: { code?: number | string; message?: string };
}

/** OTLP JSON's TracesData: resources, their scopes, their spans. */
interface OtlpTraces {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

const KINDS: TraceSpanKind[] = [
  "unspecified",
  "internal",
  "server",
  "client",
  "producer",
  "consumer",
];
const STATUS_ERROR = 2;

function kindOf(kind: OtlpSpan["kind"]): TraceSpanKind {
  if (typeof kind === "number") return KINDS[kind] ?? "unspecified";
  const name = (kind ?? "").replace(/^SPAN_KIND_/, "").toLowerCase();
  return KINDS.find((k) => k === name) ?? "unspecified";
}

const isErrorStatus = (code: number | string | undefined): boolean =>
  code === STATUS_ERROR || code === "STATUS_CODE_ERROR";

/** Nanoseconds from protobuf's JSON int64 (a string); 0 for anything else. */
function nanos(value: string | number | undefined): bigint {
  try {
    return BigInt(value ?? 0);
  } catch {
    return 0n;
  }
}

function toSpan(s: OtlpSpan, service: string): TraceSpan {
  const start = nanos(s.startTimeUnixNano);
  const end = nanos(s.endTimeUnixNano);
  const exceptions = (s.events ?? []).filter((e) => e.name === "exception");
  const thrown = exceptions
    .map((e) => e.attributes?.find((a) => a.key === "exception.message")?.value)
    .find((v) => v !== undefined);
  return {
    traceId: (s.traceId ?? "").toLowerCase(),
    spanId: (s.spanId ?? "").toLowerCase(),
    // Roots have no parentSpanId, or an empty one, depending on the encoder.
    parentSpanId: s.parentSpanId ? s.parentSpanId.toLowerCase() : null,
    service,
    name: s.name ?? "",
    kind: kindOf(s.kind),
    // Microsecond precision survives the Number; nanoseconds since the epoch would not.
    startMs: Number(start / 1000n) / 1000,
    durationMs: end > start ? Number(end - start) / 1e6 : 0,
    error: isErrorStatus(s.status?.code) || exceptions.length > 0,
    errorMessage: s.status?.message || (thrown ? String(plainValue(thrown)) : null),
    attributes: attributeMap(s.attributes, isKept),
  };
}

/**
 * The spans of a Jaeger api_v3 answer: `{ result: TracesData }` (the grpc-gateway wrapper that
 * 2.13 through 2.21 return) or a bare TracesData.
 */
export function spansOf(body: unknown): TraceSpan[] {
  const data = ((body as { result?: unknown } | null)?.result ?? body) as OtlpTraces | null;
  const spans: TraceSpan[] = [];
  for (const rs of data?.resourceSpans ?? []) {
    const service = attributeMap(rs.resource?.attributes, (k) => k === "service.name")[
      "service.name"
    ];
    for (const scope of rs.scopeSpans ?? []) {
      for (const s of scope.spans ?? []) spans.push(toSpan(s, String(service ?? "unknown")));
    }
  }
  return spans;
}

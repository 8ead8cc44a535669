// TEST STAND-IN, not the product: Jaeger's in-memory trace storage, keeping spans in the Jaeger
// UI JSON model (traceID, spanID, operationName, references, startTime µs, duration µs, tags...).
import { anyValue, forEachSpan, SPAN_KINDS, STATUS_CODES } from "./spans.mjs";

function tag(key, value) {
  if (typeof value === "boolean") return { key, type: "bool", value };
  if (typeof value === "number")
    return { key, type: Number.isInteger(value) ? "int64" : "float64", value };
  if (typeof value === "string") return { key, type: "string", value };
  return { key, type: "string", value: JSON.stringify(value) };
}
const tags = (kvs = []) => kvs.map((kv) => tag(kv.key, anyValue(kv.value)));
const micros = (nanos) => Number(BigInt(nanos ?? 0) / 1000n);

function toJaegerSpan(span, resourceAttributes, scope) {
  const startTime = micros(span.startTimeUnixNano);
  const extra = [];
  if (scope.name) extra.push(tag("otel.scope.name", scope.name));
  if (scope.version) extra.push(tag("otel.scope.version", scope.version));
  const kind = SPAN_KINDS[span.kind ?? 0].replace("SPAN_KIND_", "").toLowerCase();
  if (kind !== "unspecified") extra.push(tag("span.kind", kind));
  const status = STATUS_CODES[span.status?.code ?? 0].replace("STATUS_CODE_", "");
  if (status !== "UNSET") extra.push(tag("otel.status_code", status));
  if (status === "ERROR") extra.push(tag("error", true));
  if (span.status?.message) extra.push(tag("otel.status_description", span.status.message));
  const references = [];
  if (span.parentSpanId)
    references.push({ refType: "CHILD_OF", traceID: span.traceId, spanID: span.parentSpanId });
  for (const link of span.links ?? [])
    references.push({ refType: "FOLLOWS_FROM", traceID: link.traceId, spanID: link.spanId });
  const { "service.name": serviceName = "unknown_service", ...rest } = resourceAttributes;
  return {
    traceID: span.traceId,
    spanID: span.spanId,
    operationName: span.name ?? "",
    references,
    startTime,
    duration: micros(span.endTimeUnixNano) - startTime,
    tags: [...tags(span.attributes), ...extra],
    logs: (span.events ?? []).map((ev) => ({
      timestamp: micros(ev.timeUnixNano),
      fields: [tag("event", ev.name ?? ""), ...tags(ev.attributes)],
    })),
    process: { serviceName, tags: Object.entries(rest).map(([k, v]) => tag(k, v)) },
    warnings: null,
    kind,
  };
}

export function createMemoryStore({ maxTraces = 100_000 } = {}) {
  const traces = new Map();
  return {
    writeTraces(req) {
      forEachSpan(req, (span, resource, scope) => {
        const s = toJaegerSpan(span, resource, scope);
        let t = traces.get(s.traceID);
        if (!t) {
          t = new Map();
          traces.set(s.traceID, t);
          if (traces.size > maxTraces) traces.delete(traces.keys().next().value);
        }
        t.set(s.spanID, s);
      });
    },
    /** A trace in the UI shape ({ traceID, spans, processes }), or null. */
    getTrace(traceID) {
      const t = traces.get(String(traceID).toLowerCase().padStart(32, "0"));
      if (!t) return null;
      const processes = {};
      const ids = new Map();
      const spans = [...t.values()]
        .sort((a, b) => a.startTime - b.startTime)
        .map(({ process: p, kind: _kind, ...span }) => {
          const key = JSON.stringify(p);
          if (!ids.has(key)) {
            ids.set(key, `p${ids.size + 1}`);
            processes[ids.get(key)] = p;
          }
          return { ...span, processID: ids.get(key) };
        });
      return { traceID: spans[0]?.traceID, spans, processes, warnings: null };
    },
    /** Every stored span (internal model), newest traces last. */
    *allSpans() {
      for (const t of traces.values()) yield* t.values();
    },
    traceIds: () => [...traces.keys()],
    spansOf: (traceID) => [...(traces.get(traceID)?.values() ?? [])],
  };
}

// TEST STAND-IN, not the product: helpers over the OTLP/JSON trace shape shared by the stand-ins:
// JSON normalisation, attribute values, enum names and a flat per-span view.

export const SPAN_KINDS = [
  "SPAN_KIND_UNSPECIFIED",
  "SPAN_KIND_INTERNAL",
  "SPAN_KIND_SERVER",
  "SPAN_KIND_CLIENT",
  "SPAN_KIND_PRODUCER",
  "SPAN_KIND_CONSUMER",
];
export const STATUS_CODES = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"];

const enumValue = (v, names) => (typeof v === "string" ? Math.max(0, names.indexOf(v)) : (v ?? 0));
const lowerHex = (v) => (typeof v === "string" ? v.toLowerCase() : v);
const timeString = (v) => (v === undefined || v === null ? "0" : String(v));

/** Normalises an OTLP/JSON ExportTraceServiceRequest body into the shape the decoder produces. */
export function normalizeJsonRequest(body) {
  if (!body || typeof body !== "object") throw new Error("request body is not a JSON object");
  const resourceSpans = body.resourceSpans ?? [];
  if (!Array.isArray(resourceSpans)) throw new Error("resourceSpans must be an array");
  for (const rs of resourceSpans) {
    rs.scopeSpans ??= rs.instrumentationLibrarySpans ?? [];
    for (const ss of rs.scopeSpans) {
      for (const span of ss.spans ?? []) {
        span.traceId = lowerHex(span.traceId);
        span.spanId = lowerHex(span.spanId);
        if (span.parentSpanId) span.parentSpanId = lowerHex(span.parentSpanId);
        else delete span.parentSpanId;
        span.kind = enumValue(span.kind, SPAN_KINDS);
        span.startTimeUnixNano = timeString(span.startTimeUnixNano);
        span.endTimeUnixNano = timeString(span.endTimeUnixNano);
        if (span.status) span.status.code = enumValue(span.status.code, STATUS_CODES);
        for (const ev of span.events ?? []) ev.timeUnixNano = timeString(ev.timeUnixNano);
      }
    }
  }
  return { resourceSpans };
}

/** OTLP AnyValue → plain JS value. */
export function anyValue(v) {
  if (!v) return null;
  if ("stringValue" in v) return v.stringValue;
  if ("boolValue" in v) return v.boolValue;
  if ("intValue" in v) return Number(v.intValue);
  if ("doubleValue" in v) return Number(v.doubleValue);
  if ("arrayValue" in v) return (v.arrayValue?.values ?? []).map(anyValue);
  if ("kvlistValue" in v) return attributesObject(v.kvlistValue?.values);
  if ("bytesValue" in v) return v.bytesValue;
  return null;
}

export function attributesObject(kvs = []) {
  const out = {};
  for (const kv of kvs ?? []) out[kv.key] = anyValue(kv.value);
  return out;
}

export function countSpans(req) {
  let n = 0;
  for (const rs of req.resourceSpans ?? [])
    for (const ss of rs.scopeSpans ?? []) n += (ss.spans ?? []).length;
  return n;
}

/** Calls fn(span, resourceAttributes, scope) for every span in the request. */
export function forEachSpan(req, fn) {
  for (const rs of req.resourceSpans ?? []) {
    const resourceAttributes = attributesObject(rs.resource?.attributes);
    for (const ss of rs.scopeSpans ?? [])
      for (const span of ss.spans ?? []) fn(span, resourceAttributes, ss.scope ?? {});
  }
}

/** Flat, test-friendly view of every span of a request. */
export function flattenSpans(req, receivedAt = new Date().toISOString()) {
  const out = [];
  forEachSpan(req, (span, resource) => {
    out.push({
      traceId: span.traceId,
      spanId: span.spanId,
      parentSpanId: span.parentSpanId ?? "",
      name: span.name ?? "",
      kind: SPAN_KINDS[span.kind ?? 0] ?? "SPAN_KIND_UNSPECIFIED",
      serviceName: resource["service.name"] ?? "",
      statusCode: STATUS_CODES[span.status?.code ?? 0] ?? "STATUS_CODE_UNSET",
      startTimeUnixNano: span.startTimeUnixNano,
      endTimeUnixNano: span.endTimeUnixNano,
      attributes: attributesObject(span.attributes),
      resourceAttributes: resource,
      receivedAt,
    });
  });
  return out;
}

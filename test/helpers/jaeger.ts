// What Jaeger holds, read straight from its api_v3 (not through gini), so a test sees the spans
// that reached the backend whatever gini's own readers make of them.

/** Jaeger's api_v3 search answer: OTLP JSON, hex trace IDs. */
interface OtlpTraces {
  result?: {
    resourceSpans: {
      resource: { attributes: { key: string; value: { stringValue?: string } }[] };
      scopeSpans: { spans: { traceId: string; name: string; kind?: string | number }[] }[];
    }[];
  };
}

/** One span as the tests compare them. */
export interface JaegerSpan {
  traceId: string;
  service: string;
  name: string;
  /** OTLP's span kind as Jaeger spells it in JSON, e.g. 2 or "SPAN_KIND_SERVER". */
  kind: string | number | undefined;
}

/**
 * The spans of the traces in which `service` took part in the last hour (at most 20 traces), from
 * the Jaeger at `base` (the stack's published port unless told).
 */
export async function jaegerSpans(
  service: string,
  base = "http://127.0.0.1:16686",
): Promise<JaegerSpan[]> {
  const hour = 3_600_000;
  const q = new URLSearchParams({
    "query.serviceName": service,
    "query.startTimeMin": new Date(Date.now() - hour).toISOString(),
    "query.startTimeMax": new Date(Date.now() + hour).toISOString(),
    "query.searchDepth": "20",
  });
  const res = await fetch(`${base}/api/v3/traces?${q.toString()}`);
  const doc = res.ok ? ((await res.json()) as OtlpTraces) : {};
  return (doc.result?.resourceSpans ?? []).flatMap((rs) => {
    const name = rs.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue;
    return rs.scopeSpans
      .flatMap((s) => s.spans)
      .map((span) => ({
        traceId: span.traceId,
        service: name ?? "?",
        name: span.name,
        kind: span.kind,
      }));
  });
}

/** Whether a span's kind is SERVER, however Jaeger's JSON spells the enum. */
export const isServerSpan = (span: JaegerSpan) =>
  span.kind === 2 || span.kind === "SPAN_KIND_SERVER";

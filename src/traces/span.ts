/** An attribute value as gini keeps it: OTLP's scalar kinds; arrays and maps become JSON text. */
export type AttributeValue = string | number | boolean;

/** OTLP's span kinds, by the names Jaeger's UI uses. */
export type TraceSpanKind =
  "unspecified" | "internal" | "server" | "client" | "producer" | "consumer";

/**
 * One span as gini shows it, read from Jaeger's OTLP JSON. `gini traces --json` prints it (with its
 * start as text), so fields are only ever added.
 */
export interface TraceSpan {
  /** 32 lowercase hex digits. */
  traceId: string;
  /** 16 lowercase hex digits. */
  spanId: string;
  /** The parent's spanId; null for a root (its parent may also be missing from the trace). */
  parentSpanId: string | null;
  /** `service.name` of the span's resource; "unknown" when the resource has none. */
  service: string;
  /** The span's name: the operation, e.g. `POST /api/generate`. */
  name: string;
  kind: TraceSpanKind;
  /** Milliseconds since the epoch (fractional), from startTimeUnixNano. */
  startMs: number;
  /** End minus start, in milliseconds (fractional). */
  durationMs: number;
  /** Status code ERROR, or an `exception` event. */
  error: boolean;
  /** The status message, else the first exception's message; null when there is neither. */
  errorMessage: string | null;
  /** The span's attributes that say what it did (see KEPT_ATTRIBUTES), in the span's order. */
  attributes: Record<string, AttributeValue>;
}

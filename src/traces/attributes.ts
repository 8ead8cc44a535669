import type { AttributeValue } from "./span.js";

/**
 * The span attributes `--json` keeps: those that say what a span did and how it ended, in both
 * the current and the older semantic conventions (Node's HTTP instrumentation still writes the
 * older `http.method`, `http.status_code`). The rest (peer ports, host IPs, stack traces) is noise
 * in a terminal and stays one click away in the Jaeger UI.
 */
const KEPT_ATTRIBUTES = new Set([
  "http.request.method",
  "http.method",
  "http.route",
  "http.response.status_code",
  "http.status_code",
  "url.full",
  "http.url",
  "url.path",
  "http.target",
  "server.address",
  "server.port",
  "net.peer.name",
  "peer.service",
  "rpc.system",
  "rpc.service",
  "rpc.method",
  "rpc.grpc.status_code",
  "db.system",
  "db.system.name",
  "db.namespace",
  "db.name",
  "db.operation.name",
  "db.operation",
  "messaging.system",
  "messaging.destination.name",
  "messaging.operation.type",
  "gen_ai.system",
  "gen_ai.operation.name",
  "gen_ai.request.model",
  "error.type",
]);

/** True for an attribute `--json` keeps. */
export const isKept = (key: string): boolean => KEPT_ATTRIBUTES.has(key);

/** An OTLP JSON AnyValue: one of these keys is set. */
export interface OtlpValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
  bytesValue?: string;
}

/** An OTLP JSON KeyValue. */
export interface OtlpKeyValue {
  key: string;
  value?: OtlpValue;
}

/**
 * A plain value for an AnyValue. int64 travels as a string in protobuf's JSON; it becomes a number
 * (span attributes such as status codes and ports are far below 2^53).
 */
export function plainValue(v: OtlpValue | undefined): AttributeValue {
  if (!v) return "";
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue) return JSON.stringify((v.arrayValue.values ?? []).map(plainValue));
  if (v.kvlistValue) return JSON.stringify(attributeMap(v.kvlistValue.values));
  return v.bytesValue ?? "";
}

/** Key-values as a plain object, optionally only the keys `keep` accepts. */
export function attributeMap(
  list: OtlpKeyValue[] | undefined,
  keep: (key: string) => boolean = () => true,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const kv of list ?? []) if (keep(kv.key)) out[kv.key] = plainValue(kv.value);
  return out;
}

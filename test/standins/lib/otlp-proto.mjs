// TEST STAND-IN, not the product: decodes and encodes OTLP ExportTraceServiceRequest protobuf
// messages to and from the OTLP/JSON object shape (hex ids, nanosecond times as decimal strings).
import { Buffer } from "node:buffer";
import { readMessage, Writer } from "./protobuf.mjs";

const hex = (b) => Buffer.from(b).toString("hex");

function decodeAnyValue(buf) {
  let v = {};
  readMessage(buf, (f, w, r) => {
    if (f === 1 && w === 2) v = { stringValue: r.string() };
    else if (f === 2 && w === 0) v = { boolValue: r.varint() !== 0n };
    else if (f === 3 && w === 0) v = { intValue: BigInt.asIntN(64, r.varint()).toString() };
    else if (f === 4 && w === 1) v = { doubleValue: r.double() };
    else if (f === 5 && w === 2)
      v = { arrayValue: { values: decodeList(r.bytes(), decodeAnyValue) } };
    else if (f === 6 && w === 2) v = { kvlistValue: { values: decodeList(r.bytes(), decodeKv) } };
    else if (f === 7 && w === 2) v = { bytesValue: Buffer.from(r.bytes()).toString("base64") };
    else return false;
  });
  return v;
}

function decodeList(buf, decodeItem) {
  const out = [];
  readMessage(buf, (f, w, r) =>
    f === 1 && w === 2 ? void out.push(decodeItem(r.bytes())) : false,
  );
  return out;
}

function decodeKv(buf) {
  const kv = { key: "", value: {} };
  readMessage(buf, (f, w, r) => {
    if (f === 1 && w === 2) kv.key = r.string();
    else if (f === 2 && w === 2) kv.value = decodeAnyValue(r.bytes());
    else return false;
  });
  return kv;
}

/** Declarative field tables: [field, wire, name, kind]. */
const SPAN = [
  [1, 2, "traceId", "hex"],
  [2, 2, "spanId", "hex"],
  [3, 2, "traceState", "string"],
  [4, 2, "parentSpanId", "hex"],
  [16, 5, "flags", "fixed32"],
  [5, 2, "name", "string"],
  [6, 0, "kind", "enum"],
  [7, 1, "startTimeUnixNano", "time"],
  [8, 1, "endTimeUnixNano", "time"],
  [9, 2, "attributes", "kv[]"],
  [11, 2, "events", "event[]"],
  [13, 2, "links", "link[]"],
  [15, 2, "status", "status"],
];
const EVENT = [
  [1, 1, "timeUnixNano", "time"],
  [2, 2, "name", "string"],
  [3, 2, "attributes", "kv[]"],
];
const LINK = [
  [1, 2, "traceId", "hex"],
  [2, 2, "spanId", "hex"],
  [3, 2, "traceState", "string"],
  [4, 2, "attributes", "kv[]"],
  [6, 5, "flags", "fixed32"],
];
const STATUS = [
  [2, 2, "message", "string"],
  [3, 0, "code", "enum"],
];
const SCOPE = [
  [1, 2, "name", "string"],
  [2, 2, "version", "string"],
  [3, 2, "attributes", "kv[]"],
];
const RESOURCE = [[1, 2, "attributes", "kv[]"]];
const SCOPE_SPANS = [
  [1, 2, "scope", "scope"],
  [2, 2, "spans", "span[]"],
  [3, 2, "schemaUrl", "string"],
];
const RESOURCE_SPANS = [
  [1, 2, "resource", "resource"],
  [2, 2, "scopeSpans", "scopeSpans[]"],
  [3, 2, "schemaUrl", "string"],
];
const REQUEST = [[1, 2, "resourceSpans", "resourceSpans[]"]];
const MESSAGES = {
  span: SPAN,
  event: EVENT,
  link: LINK,
  status: STATUS,
  scope: SCOPE,
  resource: RESOURCE,
  scopeSpans: SCOPE_SPANS,
  resourceSpans: RESOURCE_SPANS,
};

function decodeWith(table, buf) {
  const obj = {};
  readMessage(buf, (f, w, r) => {
    const entry = table.find(([field, wire]) => field === f && wire === w);
    if (!entry) return false;
    const [, , name, kind] = entry;
    if (kind === "hex") obj[name] = hex(r.bytes());
    else if (kind === "string") obj[name] = r.string();
    else if (kind === "fixed32") obj[name] = r.fixed32();
    else if (kind === "enum") obj[name] = Number(r.varint());
    else if (kind === "time") obj[name] = r.fixed64().toString();
    else if (kind === "kv[]") (obj[name] ??= []).push(decodeKv(r.bytes()));
    else if (kind.endsWith("[]"))
      (obj[name] ??= []).push(decodeWith(MESSAGES[kind.slice(0, -2)], r.bytes()));
    else obj[name] = decodeWith(MESSAGES[kind], r.bytes());
  });
  return obj;
}

/** protobuf ExportTraceServiceRequest → { resourceSpans: [...] } (OTLP/JSON shape). */
export function decodeTraceRequest(buf) {
  const req = decodeWith(REQUEST, buf);
  req.resourceSpans ??= [];
  return req;
}

function encodeAnyValue(v = {}) {
  const w = new Writer();
  if ("stringValue" in v) w.message(1, Buffer.from(String(v.stringValue), "utf8"));
  else if ("boolValue" in v) w.key(2, 0).varintRaw(v.boolValue ? 1 : 0);
  else if ("intValue" in v) w.key(3, 0).varintRaw(BigInt(v.intValue));
  else if ("doubleValue" in v) w.double(4, Number(v.doubleValue));
  else if ("arrayValue" in v) {
    const inner = new Writer();
    for (const item of v.arrayValue?.values ?? []) inner.message(1, encodeAnyValue(item));
    w.message(5, inner.finish());
  } else if ("kvlistValue" in v) {
    const inner = new Writer();
    for (const kv of v.kvlistValue?.values ?? []) inner.message(1, encodeKv(kv));
    w.message(6, inner.finish());
  } else if ("bytesValue" in v) w.message(7, Buffer.from(v.bytesValue, "base64"));
  return w.finish();
}

function encodeKv(kv) {
  return new Writer().string(1, kv.key).message(2, encodeAnyValue(kv.value)).finish();
}

function encodeWith(table, obj = {}) {
  const w = new Writer();
  for (const [field, , name, kind] of table) {
    const v = obj[name];
    if (v === undefined || v === null) continue;
    if (kind === "hex") w.bytes(field, Buffer.from(v, "hex"));
    else if (kind === "string") w.string(field, v);
    else if (kind === "fixed32") w.fixed32(field, v);
    else if (kind === "enum") w.varint(field, v);
    else if (kind === "time") w.fixed64(field, BigInt(v));
    else if (kind === "kv[]") for (const kv of v) w.message(field, encodeKv(kv));
    else if (kind.endsWith("[]"))
      for (const item of v) w.message(field, encodeWith(MESSAGES[kind.slice(0, -2)], item));
    else w.message(field, encodeWith(MESSAGES[kind], v));
  }
  return w.finish();
}

/** { resourceSpans: [...] } (OTLP/JSON shape) → protobuf ExportTraceServiceRequest. */
export function encodeTraceRequest(req) {
  return encodeWith(REQUEST, req);
}

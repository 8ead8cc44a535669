// Test helper, not the product: decodes the OTLP trace exports that otlp-receiver.ts records into
// the span fields tests assert on, with a protobuf reader of its own (independent of the SDK
// under test). Field numbers are those of opentelemetry/proto/trace/v1/trace.proto.

/** An attribute's value; int64 values are read as numbers (tests use small ones). */
type AttributeValue = string | number | boolean;

/** One span as a test sees it: what Jaeger would show of it. */
export interface DecodedSpan {
  /** service.name of the span's resource. */
  service: string;
  traceId: string;
  spanId: string;
  /** "" for a root span. */
  parentSpanId: string;
  name: string;
  /** 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, AttributeValue>;
  events: { name: string; attributes: Record<string, AttributeValue> }[];
  /** code 0 unset, 1 ok, 2 error. */
  status: { code: number; message: string };
}

/** A protobuf field: varints as bigint, everything else (bytes, fixed64, fixed32) as bytes. */
interface Field {
  no: number;
  value: bigint | Buffer;
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let at = 0;
  const varint = (): bigint => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = buf[at++];
      if (byte === undefined) throw new Error("OTLP decode: truncated varint");
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
  };
  const take = (n: number): Buffer => {
    if (at + n > buf.length) throw new Error("OTLP decode: truncated field");
    at += n;
    return buf.subarray(at - n, at);
  };
  while (at < buf.length) {
    const tag = Number(varint());
    const no = tag >>> 3;
    const wire = tag & 7;
    if (wire === 0) out.push({ no, value: varint() });
    else if (wire === 1) out.push({ no, value: take(8) });
    else if (wire === 2) out.push({ no, value: take(Number(varint())) });
    else if (wire === 5) out.push({ no, value: take(4) });
    else throw new Error(`OTLP decode: wire type ${wire} of field ${no}`);
  }
  return out;
}

const bytesOf = (f: Field): Buffer => (Buffer.isBuffer(f.value) ? f.value : Buffer.alloc(0));
const intOf = (f: Field): bigint => (typeof f.value === "bigint" ? f.value : 0n);
const all = (buf: Buffer, no: number): Buffer[] =>
  fields(buf)
    .filter((f) => f.no === no)
    .map(bytesOf);
const text = (buf: Buffer, no: number): string => all(buf, no).at(-1)?.toString("utf8") ?? "";
const hex = (buf: Buffer, no: number): string => all(buf, no).at(-1)?.toString("hex") ?? "";

/** AnyValue: 1 string, 2 bool, 3 int64, 4 double; arrays, maps and bytes are left out. */
function anyValue(buf: Buffer): AttributeValue | undefined {
  let value: AttributeValue | undefined;
  for (const f of fields(buf)) {
    if (f.no === 1) value = bytesOf(f).toString("utf8");
    else if (f.no === 2) value = intOf(f) !== 0n;
    else if (f.no === 3) value = Number(BigInt.asIntN(64, intOf(f)));
    else if (f.no === 4) value = bytesOf(f).readDoubleLE(0);
  }
  return value;
}

/** KeyValue list: 1 key, 2 value. */
function attributes(list: Buffer[]): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const kv of list) {
    const value = all(kv, 2).map(anyValue).at(-1);
    if (value !== undefined) out[text(kv, 1)] = value;
  }
  return out;
}

/** Span: 1 trace id, 2 span id, 4 parent, 5 name, 6 kind, 9 attributes, 11 events, 15 status. */
function span(buf: Buffer, service: string): DecodedSpan {
  const kind = fields(buf).find((f) => f.no === 6);
  const status = all(buf, 15).at(-1) ?? Buffer.alloc(0);
  const code = fields(status).find((f) => f.no === 3);
  return {
    service,
    traceId: hex(buf, 1),
    spanId: hex(buf, 2),
    parentSpanId: hex(buf, 4),
    name: text(buf, 5),
    kind: kind ? Number(intOf(kind)) : 0,
    attributes: attributes(all(buf, 9)),
    // Event: 2 name, 3 attributes.
    events: all(buf, 11).map((e) => ({ name: text(e, 2), attributes: attributes(all(e, 3)) })),
    // Status: 2 message, 3 code.
    status: { code: code ? Number(intOf(code)) : 0, message: text(status, 2) },
  };
}

/**
 * The spans of an ExportTraceServiceRequest (1 resource spans → 1 resource, 2 scope spans →
 * 2 spans), each with its resource's service.name.
 */
export function decodeTraceExport(body: Buffer): DecodedSpan[] {
  return all(body, 1).flatMap((resourceSpans) => {
    const resource = all(resourceSpans, 1).at(-1) ?? Buffer.alloc(0);
    const service = String(attributes(all(resource, 1))["service.name"] ?? "");
    return all(resourceSpans, 2).flatMap((scopeSpans) =>
      all(scopeSpans, 2).map((s) => span(s, service)),
    );
  });
}

/** The spans with a string attribute containing `text`, e.g. a marker in the request's URL. */
export function carrying(spans: DecodedSpan[], text: string): DecodedSpan[] {
  return spans.filter((s) =>
    Object.values(s.attributes).some((v) => typeof v === "string" && v.includes(text)),
  );
}

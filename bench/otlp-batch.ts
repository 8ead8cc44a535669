/**
 * OTLP ExportTraceServiceRequest batches for the throughput measure, hand-encoded like
 * test/helpers/otlp-client.ts but with many spans per request. A batch is encoded once as a
 * template; each request copies it and patches the trace ID, the span IDs and the timestamps in
 * place, so the generator spends its CPU on sending, not on encoding.
 */
import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";

import { field as tag, fixed64, len, str, varint } from "../test/helpers/protobuf.js";

const intValue = (v: number) => Buffer.concat([tag(3, 0), varint(v)]);
const keyValue = (no: number, key: string, value: Buffer) =>
  len(no, Buffer.concat([str(1, key), len(2, value)]));

/** Where each span's patchable fields sit in the encoded message. */
interface SpanOffsets {
  traceId: number;
  spanId: number;
  start: number;
  end: number;
}

/** A request template: `spans` server spans of one trace, all of service `service`. */
export class SpanBatch {
  readonly message: Buffer;
  private readonly offsets: SpanOffsets[] = [];

  constructor(
    readonly service: string,
    readonly spans: number,
  ) {
    // Distinct placeholders, found again in the finished message: no offset arithmetic.
    const marks = Array.from({ length: spans }, () => ({
      trace: randomBytes(16),
      span: randomBytes(8),
      start: randomBytes(8).readBigUInt64LE() | (1n << 62n),
      end: randomBytes(8).readBigUInt64LE() | (1n << 62n),
    }));
    const encoded = marks.map((m) =>
      len(
        2,
        Buffer.concat([
          len(1, m.trace),
          len(2, m.span),
          str(5, "GET /api/items"),
          Buffer.concat([tag(6, 0), varint(2)]), // SPAN_KIND_SERVER
          fixed64(7, m.start),
          fixed64(8, m.end),
          keyValue(9, "http.request.method", str(1, "GET")),
          keyValue(9, "http.route", str(1, "/api/items")),
          keyValue(9, "http.response.status_code", intValue(200)),
          len(15, Buffer.alloc(0)), // status UNSET
        ]),
      ),
    );
    const resource = len(1, keyValue(1, "service.name", str(1, service)));
    const scopeSpans = len(2, Buffer.concat([len(1, str(1, "gini-bench")), ...encoded]));
    this.message = len(1, Buffer.concat([resource, scopeSpans]));
    const at = (bytes: Buffer) => this.message.indexOf(bytes);
    const u64 = (v: bigint) => {
      const b = Buffer.alloc(8);
      b.writeBigUInt64LE(v);
      return b;
    };
    for (const m of marks) {
      const offsets = {
        traceId: at(m.trace),
        spanId: at(m.span),
        start: at(u64(m.start)),
        end: at(u64(m.end)),
      };
      if (Object.values(offsets).some((o) => o < 0)) throw new Error("span template: lost a field");
      this.offsets.push(offsets);
    }
  }

  /**
   * A gRPC-framed request (5-byte prefix + message) with a fresh trace ID and span IDs, spans
   * ending now and lasting 1–16 ms; returns the frame and the trace ID (hex).
   */
  next(): { frame: Buffer; traceId: string } {
    const frame = Buffer.allocUnsafe(5 + this.message.length);
    frame[0] = 0;
    frame.writeUInt32BE(this.message.length, 1);
    this.message.copy(frame, 5);
    const traceId = randomBytes(16);
    const spanIds = randomBytes(8 * this.spans);
    const endNs = BigInt(Date.now()) * 1_000_000n;
    this.offsets.forEach((o, i) => {
      traceId.copy(frame, 5 + o.traceId);
      spanIds.copy(frame, 5 + o.spanId, 8 * i, 8 * i + 8);
      frame.writeBigUInt64LE(endNs - BigInt(1 + (i % 16)) * 1_000_000n, 5 + o.start);
      frame.writeBigUInt64LE(endNs, 5 + o.end);
    });
    return { frame, traceId: traceId.toString("hex") };
  }
}

/** Reads a protobuf varint at `at`; returns the value and the offset after it. */
function readVarint(buf: Buffer, at: number): [number, number] {
  let v = 0;
  for (let shift = 0; at < buf.length; shift += 7) {
    const b = buf[at++]!;
    v += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  return [v, at];
}

/**
 * rejected_spans of a gRPC-framed ExportTraceServiceResponse: its only field is 1
 * (partial_success), whose field 1 is rejected_spans. 0 when absent.
 */
export function rejectedSpans(response: Buffer): number {
  const body = response.subarray(5);
  if (body[0] !== 0x0a) return 0;
  const [size, at] = readVarint(body, 1);
  const partial = body.subarray(at, at + size);
  return partial[0] === 0x08 ? readVarint(partial, 1)[0] : 0;
}

// Test helper, not the product: hand-encodes a one-span OTLP ExportTraceServiceRequest
// (independently of the SDK under test) and sends it over OTLP/gRPC or OTLP/HTTP JSON.
import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import http2 from "node:http2";

import { field, fixed64, len, str, varint } from "./protobuf.js";

export interface TestSpan {
  serviceName: string;
  name: string;
  traceId: string;
  spanId: string;
  kind: number; // 2 = SERVER
  statusCode: number; // 2 = ERROR
  startNs: bigint;
  durationMs: number;
}

export function newSpan(
  serviceName: string,
  name: string,
  extra: Partial<TestSpan> = {},
): TestSpan {
  const startNs = BigInt(Date.now()) * 1_000_000n;
  const ids = { traceId: randomBytes(16).toString("hex"), spanId: randomBytes(8).toString("hex") };
  return { serviceName, name, ...ids, kind: 2, statusCode: 0, startNs, durationMs: 42, ...extra };
}

const keyValue = (no: number, key: string, value: string) =>
  len(no, Buffer.concat([str(1, key), len(2, str(1, value))]));

/** opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest with one span. */
export function encodeRequest(s: TestSpan): Buffer {
  const endNs = s.startNs + BigInt(s.durationMs) * 1_000_000n;
  const span = Buffer.concat([
    len(1, Buffer.from(s.traceId, "hex")),
    len(2, Buffer.from(s.spanId, "hex")),
    str(5, s.name),
    Buffer.concat([field(6, 0), varint(s.kind)]),
    fixed64(7, s.startNs),
    fixed64(8, endNs),
    keyValue(9, "http.route", s.name),
    len(15, s.statusCode ? Buffer.concat([field(3, 0), varint(s.statusCode)]) : Buffer.alloc(0)),
  ]);
  const resource = keyValue(1, "service.name", s.serviceName);
  const scopeSpans = Buffer.concat([len(1, str(1, "gini-test")), len(2, span)]);
  return len(1, Buffer.concat([len(1, resource), len(2, scopeSpans)]));
}

/** The same span as an OTLP/JSON body. */
export function jsonRequest(s: TestSpan): object {
  const endNs = s.startNs + BigInt(s.durationMs) * 1_000_000n;
  const attr = (key: string, value: string) => ({ key, value: { stringValue: value } });
  const span = {
    traceId: s.traceId,
    spanId: s.spanId,
    name: s.name,
    kind: s.kind,
    startTimeUnixNano: String(s.startNs),
    endTimeUnixNano: String(endNs),
    attributes: [attr("http.route", s.name)],
    status: { code: s.statusCode },
  };
  const scopeSpans = [{ scope: { name: "gini-test" }, spans: [span] }];
  return {
    resourceSpans: [
      { resource: { attributes: [attr("service.name", s.serviceName)] }, scopeSpans },
    ],
  };
}

export interface GrpcResult {
  httpStatus: number;
  grpcStatus: string | undefined;
  grpcMessage: string | undefined;
}

/** Unary OTLP/gRPC TraceService/Export call over h2c. */
export function exportGrpc(address: string, message: Buffer): Promise<GrpcResult> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${address}`);
    session.on("error", reject);
    const req = session.request({
      ":method": "POST",
      ":path": "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
      "content-type": "application/grpc",
      te: "trailers",
    });
    const head = Buffer.alloc(5);
    head.writeUInt32BE(message.length, 1);
    const result: GrpcResult = { httpStatus: 0, grpcStatus: undefined, grpcMessage: undefined };
    const read = (h: http2.IncomingHttpHeaders) => {
      result.grpcStatus ??= h["grpc-status"] as string | undefined;
      result.grpcMessage ??= h["grpc-message"] as string | undefined;
    };
    req.on("response", (h) => {
      result.httpStatus = Number(h[":status"]);
      read(h);
    });
    req.on("trailers", read);
    req.on("data", () => undefined);
    req.on("error", reject);
    req.on("close", () => {
      session.close();
      resolve(result);
    });
    req.end(Buffer.concat([head, message]));
  });
}

import {
  createServer,
  type Http2Server,
  type Http2Session,
  type ServerHttp2Stream,
} from "node:http2";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

import { type DecodedSpan, decodeTraceExport } from "./otlp-decode.js";

/** The one gRPC method an OTLP trace exporter calls. */
const TRACE_EXPORT_PATH = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

/** One export the receiver got: the protobuf message, undecoded, and when it arrived. */
interface ReceivedExport {
  at: number;
  body: Buffer;
}

/** A tiny OTLP/gRPC trace receiver on loopback, for tests and the benchmark. */
export interface OtlpReceiver {
  /** e.g. http://127.0.0.1:40123, for OTEL_EXPORTER_OTLP_ENDPOINT. */
  endpoint: string;
  exports: ReceivedExport[];
  /** Every span received so far, decoded. */
  spans(): DecodedSpan[];
  /** Resolves with the first export (received or future) whose bytes contain `text` (or raw bytes). */
  waitFor(text: string | Buffer, timeoutMs?: number): Promise<ReceivedExport>;
  close(): Promise<void>;
}

/** gRPC frames: 1 byte "compressed" flag, 4 bytes length, message. */
function unframe(data: Buffer, encoding: string | undefined): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at + 5 <= data.length;) {
    const compressed = data[at] === 1;
    const length = data.readUInt32BE(at + 1);
    const message = data.subarray(at + 5, at + 5 + length);
    parts.push(compressed && encoding === "gzip" ? gunzipSync(message) : message);
    at += 5 + length;
  }
  return Buffer.concat(parts);
}

/**
 * Starts a receiver that records every trace export and answers it like a collector: an empty
 * ExportTraceServiceResponse and grpc-status 0. Spans are not decoded: tests look for strings
 * (service names, ids) in the raw protobuf bytes, where they appear verbatim.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const exports: ReceivedExport[] = [];
  const waiters = new Set<(e: ReceivedExport) => void>();
  const server: Http2Server = createServer();
  const sessions = new Set<Http2Session>();
  server.on("session", (session: Http2Session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  server.on("stream", (stream: ServerHttp2Stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      if (headers[":path"] === TRACE_EXPORT_PATH) {
        const received = {
          at: Date.now(),
          body: unframe(Buffer.concat(chunks), headers["grpc-encoding"] as string),
        };
        exports.push(received);
        for (const waiter of waiters) waiter(received);
      }
      stream.respond(
        { ":status": 200, "content-type": "application/grpc" },
        { waitForTrailers: true },
      );
      stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
      stream.end(Buffer.from([0, 0, 0, 0, 0]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    exports,
    spans: () => exports.flatMap((e) => decodeTraceExport(e.body)),
    waitFor(text, timeoutMs = 10_000) {
      const found = exports.find((e) => e.body.includes(text));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no span containing "${typeof text === "string" ? text : text.toString("hex")}" within ${timeoutMs} ms (${exports.length} exports)`,
            ),
          );
        }, timeoutMs);
        const check = (e: ReceivedExport) => {
          if (!e.body.includes(text)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(e);
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Exporters keep their HTTP/2 session open; close() alone would wait for them.
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
        waiters.clear();
      }),
  };
}

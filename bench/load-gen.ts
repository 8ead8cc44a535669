/**
 * The throughput measure's load generator: OTLP/gRPC TraceService/Export calls over one HTTP/2
 * connection, `batch` spans per call (one trace per call), paced to `rate` spans/s, at most
 * MAX_IN_FLIGHT calls at a time. A slow generator shows as an achieved rate below the target;
 * it never drops a batch, it falls behind.
 */
import { once } from "node:events";
import http2 from "node:http2";

import { rejectedSpans, SpanBatch } from "./otlp-batch.js";

const EXPORT_PATH = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
const MAX_IN_FLIGHT = 16;

export interface LoadOptions {
  /** host:port of an OTLP/gRPC receiver. */
  address: string;
  service: string;
  /** Target spans per second. */
  rate: number;
  seconds: number;
  /** Spans per request (the SDK's BatchSpanProcessor sends at most 512). */
  batch: number;
}

export interface LoadResult {
  /** Spans in requests sent. */
  sent: number;
  /** Spans the receiver took: grpc-status 0, minus partial_success.rejected_spans. */
  acknowledged: number;
  /** Spans refused: a non-zero grpc-status, a transport error or rejected_spans. */
  refused: number;
  /** Why requests failed, and how often. */
  errors: Record<string, number>;
  /** From the first request to the last answer. */
  seconds: number;
  /**
   * sent ÷ the sending window: from the first request to the last one sent, plus one batch's
   * share of time. On schedule that is exactly the target; a generator that falls behind shows.
   */
  achievedRate: number;
  /** One per request. */
  traceIds: string[];
}

export async function sendLoad(o: LoadOptions): Promise<LoadResult> {
  const batch = new SpanBatch(o.service, o.batch);
  const total = Math.max(1, Math.round((o.rate * o.seconds) / o.batch));
  const session = http2.connect(`http://${o.address}`);
  session.on("error", () => undefined); // each request reports its own failure
  await once(session, "connect");
  const r: LoadResult = {
    sent: 0,
    acknowledged: 0,
    refused: 0,
    errors: {},
    seconds: 0,
    achievedRate: 0,
    traceIds: [],
  };
  const fail = (why: string) => {
    r.refused += o.batch;
    r.errors[why] = (r.errors[why] ?? 0) + 1;
  };
  let inFlight = 0;
  let lastSentAt = 0;
  const start = performance.now();

  const send = (onDone: () => void) => {
    const { frame, traceId } = batch.next();
    r.traceIds.push(traceId);
    r.sent += o.batch;
    inFlight++;
    const req = session.request({
      ":method": "POST",
      ":path": EXPORT_PATH,
      "content-type": "application/grpc",
      te: "trailers",
    });
    let status: string | undefined;
    let message = "";
    const chunks: Buffer[] = [];
    const read = (h: http2.IncomingHttpHeaders) => {
      status ??= h["grpc-status"] as string | undefined;
      message ||= decodeURIComponent((h["grpc-message"] as string | undefined) ?? "");
    };
    req.on("response", read);
    req.on("trailers", read);
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", (err: Error) => (status ??= `transport: ${err.message}`));
    req.on("close", () => {
      inFlight--;
      if (status === "0") {
        const rejected = rejectedSpans(Buffer.concat(chunks));
        r.acknowledged += o.batch - rejected;
        if (rejected > 0) r.refused += rejected;
      } else fail(`grpc-status ${status ?? "none"} ${message.slice(0, 80)}`.trim());
      onDone();
    });
    req.end(frame);
  };

  await new Promise<void>((resolve) => {
    let issued = 0;
    const pump = () => {
      const elapsed = (performance.now() - start) / 1000;
      const due = Math.min(total, Math.floor((elapsed * o.rate) / o.batch) + 1);
      while (issued < due && inFlight < MAX_IN_FLIGHT) {
        issued++;
        lastSentAt = performance.now();
        send(() => {
          if (issued === total && inFlight === 0) resolve();
        });
      }
      if (issued < total) setTimeout(pump, 2);
    };
    pump();
  });
  r.seconds = (performance.now() - start) / 1000;
  r.achievedRate = r.sent / ((lastSentAt - start) / 1000 + o.batch / o.rate);
  session.close();
  return r;
}

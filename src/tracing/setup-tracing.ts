import { createRequire, syncBuiltinESMExports } from "node:module";

import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-grpc";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";

/** Options of {@link setupTracing}. */
export interface TracingOptions {
  /** service.name of the spans; OTEL_SERVICE_NAME wins when it is set. */
  serviceName: string;
}

/** Flushes pending spans and stops tracing; safe to call more than once. */
export type ShutdownTracing = () => Promise<void>;

/** Batch delay when OTEL_BSP_SCHEDULE_DELAY is unset: spans reach Jaeger within a second. */
const DEFAULT_BATCH_DELAY_MS = 500;
/** Longest a flush may hold up exit when the collector is gone. */
const SHUTDOWN_TIMEOUT_MS = 5000;

let active: ShutdownTracing | undefined;

function batchDelayMs(): number {
  const value = Number(process.env.OTEL_BSP_SCHEDULE_DELAY);
  return process.env.OTEL_BSP_SCHEDULE_DELAY && Number.isFinite(value) && value >= 0
    ? value
    : DEFAULT_BATCH_DELAY_MS;
}

/**
 * Traces a Node app the way gini expects (the TypeScript twin of the seed's `setup_tracing`):
 * the HTTP instrumentation (incoming and outgoing requests, W3C trace context) and an OTLP/gRPC
 * exporter to OTEL_EXPORTER_OTLP_ENDPOINT, which `gini up` injects. Without that variable it
 * only prints one warning line, so the app runs untraced outside gini.
 *
 * Call it before the app creates its server. Spans are flushed on SIGTERM, SIGINT and when the
 * event loop empties; an app with its own signal handler should await the returned function
 * before calling `process.exit()`.
 */
export function setupTracing({ serviceName }: TracingOptions): ShutdownTracing {
  if (active) return active;
  const name = process.env.OTEL_SERVICE_NAME || serviceName;
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    process.stderr.write(
      `gini-spm/tracing: OTEL_EXPORTER_OTLP_ENDPOINT is not set, tracing is off for ${name}\n`,
    );
    return async () => {};
  }
  const protocol =
    process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || process.env.OTEL_EXPORTER_OTLP_PROTOCOL;
  if (protocol && protocol !== "grpc") {
    process.stderr.write(
      `gini-spm/tracing: exporting over OTLP/gRPC; OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is ignored\n`,
    );
  }
  const sdk = new NodeSDK({
    serviceName: name,
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: batchDelayMs() }),
    ],
    instrumentations: [new HttpInstrumentation()],
  });
  sdk.start();
  // The instrumentation patches node:http when it is next require()d, but ESM imports never go
  // through require, and an ESM app has usually imported node:http before this runs. So require
  // it here (the patch lands on the module object) and push the patched functions out to ESM
  // named imports (`import { request } from "node:http"`), which are live bindings.
  const require = createRequire(import.meta.url);
  require("node:http");
  require("node:https");
  syncBuiltinESMExports();

  let done: Promise<void> | undefined;
  const shutdown: ShutdownTracing = () => {
    done ??= Promise.race([
      sdk.shutdown().catch((err: unknown) => {
        process.stderr.write(`gini-spm/tracing: flushing spans failed: ${String(err)}\n`);
      }),
      new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref()),
    ]);
    return done;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // Our listener stops Node's default "exit on signal"; when nobody else handles the signal,
    // flush and then re-raise it so the process still ends the way its parent expects.
    const alone = process.listenerCount(signal) === 1;
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    void shutdown().then(() => {
      if (alone) process.kill(process.pid, signal);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  process.once("beforeExit", () => void shutdown());
  active = shutdown;
  return shutdown;
}

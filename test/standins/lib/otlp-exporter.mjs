// TEST STAND-IN, not the product: the otlp exporter: forwards traces over OTLP/gRPC (node:http2)
// to `endpoint`, with the collector's retry_on_failure backoff and "Exporting failed" logs.
import { ConfigError, formatDuration, parseDuration, parseEndpoint } from "./config.mjs";
import { createGrpcClient } from "./grpc.mjs";
import { encodeTraceRequest } from "./otlp-proto.mjs";
import { countSpans } from "./spans.mjs";

const EXPORT_PATH = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
const RETRYABLE = new Set([1, 4, 10, 11, 14, 15]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms).unref());

export function validateOtlpExporter(id, cfg) {
  if (!cfg?.endpoint) throw new ConfigError(`exporters::${id}: requires a non-empty "endpoint"`);
}

/** "http://jaeger:4317" / "jaeger:4317" → { target, tls }. */
function target(cfg) {
  const m = /^(https?):\/\/(.*)$/.exec(cfg.endpoint);
  const hostPort = (m ? m[2] : cfg.endpoint).replace(/\/$/, "");
  const tls = m?.[1] === "http" ? false : cfg.tls?.insecure !== true;
  return { target: parseEndpoint(hostPort).text, tls };
}

export function createOtlpExporter(id, cfg, { telemetry, log }) {
  const { target: addr, tls } = target(cfg);
  const client = createGrpcClient(addr, { tls });
  const timeoutMs = parseDuration(cfg.timeout, 5000);
  const gzip = (cfg.compression ?? "gzip") === "gzip";
  const retry = cfg.retry_on_failure ?? {};
  const retryEnabled = retry.enabled !== false;
  const initial = parseDuration(retry.initial_interval, 5000);
  const maxInterval = parseDuration(retry.max_interval, 30000);
  const maxElapsed = parseDuration(retry.max_elapsed_time, 300000);
  const queueSize =
    cfg.sending_queue?.enabled === false ? 1 : (cfg.sending_queue?.queue_size ?? 1000);
  let inFlight = 0;
  let stopped = false;

  const send = async (payload, items) => {
    const started = Date.now();
    let interval = initial;
    for (;;) {
      try {
        await client.call(EXPORT_PATH, payload, timeoutMs, gzip);
        telemetry.add("otelcol_exporter_sent_spans", { exporter: id }, items);
        return;
      } catch (err) {
        const retryable = RETRYABLE.has(err.code);
        const wait = interval * (0.5 + Math.random());
        if (!retryEnabled || !retryable || stopped || Date.now() - started + wait > maxElapsed) {
          const why = !retryable ? "The error is not retryable. " : "";
          log.error(`Exporting failed. ${why}Dropping data.`, {
            error: err.message,
            dropped_items: items,
          });
          telemetry.add("otelcol_exporter_send_failed_spans", { exporter: id }, items);
          return;
        }
        log.info("Exporting failed. Will retry the request after interval.", {
          error: err.message,
          interval: formatDuration(wait),
        });
        await sleep(wait);
        interval = Math.min(interval * 1.5, maxInterval);
      }
    }
  };

  return {
    /** Queues the request and returns at once, like the exporter's sending_queue. */
    consumeTraces(req) {
      const items = countSpans(req);
      if (items === 0) return;
      if (inFlight >= queueSize) {
        log.error("Dropping data because sending_queue is full. Try increasing queue_size.", {
          dropped_items: items,
        });
        telemetry.add("otelcol_exporter_send_failed_spans", { exporter: id }, items);
        return;
      }
      inFlight += 1;
      send(encodeTraceRequest(req), items).finally(() => (inFlight -= 1));
    },
    start() {
      log.info("Starting OTLP exporter", { endpoint: addr, tls });
    },
    stop() {
      stopped = true;
      client.close();
    },
  };
}

import type { ServiceName } from "../config/schema.js";

/**
 * Pinned upstream images: released tags, never `latest`. The root config files are written for
 * exactly these versions (`config-spm.yaml` for the collector, `config-jaeger.yaml` for Jaeger).
 * - Collector contrib 0.160.0 (2 Sep 2026): still accepts the `otlp` and `spanmetrics` names
 *   config-spm.yaml uses (aliases of `otlp_grpc` and `span_metrics`, with a deprecation notice).
 * - Jaeger 2.14.1: the last release reported to keep the Monitor tab working with Prometheus;
 *   jaegertracing/jaeger#8066 (open) reports it broken from 2.15.0 on. Re-check before bumping.
 * - Prometheus v3.5.5: the 3.5 long-term-support line.
 */
export const DEFAULT_IMAGES: Record<ServiceName, string> = {
  "otel-collector": "otel/opentelemetry-collector-contrib:0.160.0",
  jaeger: "jaegertracing/jaeger:2.14.1",
  prometheus: "prom/prometheus:v3.5.5",
};

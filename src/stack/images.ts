import type { ServiceName } from "../config/index.js";

/**
 * Pinned upstream images: released tags, never `latest`. The root config files are written for
 * exactly these versions (`config-spm.yaml` for the collector, `config-jaeger.yaml` for Jaeger).
 * - Collector contrib 0.165.0: the newest release; config-spm.yaml uses its component names
 *   (`otlp_grpc`, `span_metrics`) and exporter batching, and it logs no deprecation warning.
 * - Jaeger 2.20.0 (19 Jul 2026): the newest release the tests can build (from its source in
 *   shared/vendor; 2.21.0 of 14 Sep 2026 is not available to them), so the pin is what the tests
 *   run. jaegertracing/jaeger#8066 (Monitor tab, from 2.15.0) was fixed in 2.16.0; since 2.18
 *   `/api/metrics/minstep` is gone.
 * - Prometheus v3.13.5: the current long-term-support line (3.5 LTS ended on 31 Jul 2026).
 */
export const DEFAULT_IMAGES: Record<ServiceName, string> = {
  "otel-collector": "otel/opentelemetry-collector-contrib:0.165.0",
  jaeger: "jaegertracing/jaeger:2.20.0",
  prometheus: "prom/prometheus:v3.13.5",
};

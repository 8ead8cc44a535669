// TEST STAND-IN, not the product: the component factories the collector stand-in simulates
// (others of the known types are accepted but inert).
import { ConfigError, parseDuration } from "./config.mjs";
import { createHealthExtension } from "./health.mjs";
import { createOtlpExporter, validateOtlpExporter } from "./otlp-exporter.mjs";
import { createOtlpReceiver, validateOtlpReceiver } from "./otlp-receiver.mjs";
import { createPrometheusExporter, validatePrometheusExporter } from "./prometheus-exporter.mjs";
import { createSpanMetrics } from "./spanmetrics.mjs";
import { countSpans } from "./spans.mjs";

const otlpExporter = {
  validate: validateOtlpExporter,
  create: (id, cfg, ctx) => createOtlpExporter(id, cfg, ctx),
};
const spanMetrics = { create: (id, cfg, ctx) => createSpanMetrics(id, cfg, ctx) };
const health = { create: (id, cfg, ctx) => createHealthExtension(id, cfg, ctx) };

export const collectorFactories = {
  receivers: {
    otlp: {
      validate: validateOtlpReceiver,
      create: (id, cfg, ctx) => createOtlpReceiver(id, cfg, ctx),
    },
  },
  processors: {
    memory_limiter: {
      validate(id, cfg) {
        if (!(parseDuration(cfg.check_interval, 0) > 0))
          throw new ConfigError(
            `invalid configuration: processors::${id}: checkInterval must be greater than zero`,
          );
        if (!cfg.limit_mib && !cfg.limit_percentage)
          throw new ConfigError(
            `invalid configuration: processors::${id}: memLimitMiB or memLimitPercentage must be greater than zero`,
          );
      },
    },
  },
  exporters: {
    otlp_grpc: otlpExporter,
    otlp: { ...otlpExporter, deprecatedFor: "otlp_grpc" },
    prometheus: {
      validate: validatePrometheusExporter,
      create: (id, cfg, ctx) => createPrometheusExporter(id, cfg, ctx),
    },
    debug: {
      create: (_id, _cfg, { log }) => ({
        consumeTraces: (req) =>
          log.info("Traces", {
            "resource spans": req.resourceSpans.length,
            spans: countSpans(req),
          }),
      }),
    },
  },
  connectors: {
    span_metrics: spanMetrics,
    spanmetrics: { ...spanMetrics, deprecatedFor: "span_metrics" },
  },
  extensions: { health_check: health, healthcheckv2: health },
};

import { describe, expect, it } from "vitest";

import { spanMetricNames } from "./index.js";

/** A collector config whose span_metrics connector feeds a prometheus exporter. */
const collector = (connector: object = {}, exporter: object = {}) => ({
  connectors: { span_metrics: connector },
  exporters: { otlp_grpc: {}, prometheus: { endpoint: "0.0.0.0:8889", ...exporter } },
  service: {
    pipelines: {
      traces: { receivers: ["otlp"], exporters: ["otlp_grpc", "span_metrics"] },
      metrics: { receivers: ["span_metrics"], exporters: ["prometheus"] },
    },
  },
});

describe("spanMetricNames", () => {
  it("derives the names Jaeger queries by default, with the connector's ms default", () => {
    expect(spanMetricNames(collector())).toMatchObject({
      connector: "span_metrics",
      exporter: "prometheus",
      unit: "ms",
      configuredUnit: undefined,
      calls: "traces_span_metrics_calls_total",
      duration: "traces_span_metrics_duration_milliseconds",
      labels: {
        service: "service_name",
        operation: "span_name",
        kind: "span_kind",
        status: "status_code",
        app: "gini_app",
      },
    });
  });

  it("follows histogram.unit, the namespaces and the translation strategy", () => {
    expect(spanMetricNames(collector({ histogram: { unit: "s" } })).duration).toBe(
      "traces_span_metrics_duration_seconds",
    );
    expect(spanMetricNames(collector({ namespace: "app.spans" }, { namespace: "x" })).calls).toBe(
      "x_app_spans_calls_total",
    );
    const bare = spanMetricNames(
      collector({}, { translation_strategy: "UnderscoreEscapingWithoutSuffixes" }),
    );
    expect([bare.calls, bare.duration]).toEqual([
      "traces_span_metrics_calls",
      "traces_span_metrics_duration",
    ]);
    expect(
      spanMetricNames(collector({}, { translation_strategy: "NoTranslation" })).keepsDots,
    ).toBe(true);
  });

  it("falls back to the defaults without a connector or an exporter fed by it", () => {
    expect(spanMetricNames({})).toMatchObject({
      connector: undefined,
      exporter: undefined,
      calls: "traces_span_metrics_calls_total",
    });
  });
});

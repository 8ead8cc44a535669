import { describe, expect, it } from "vitest";

import { spanMetricNames } from "../config/index.js";
import { acceptedSpansQuery, promDuration, redQueries, samplesQuery } from "./promql.js";

/** A collector config whose span_metrics connector feeds a prometheus exporter. */
const collector = (connector: object = {}) => ({
  connectors: { span_metrics: connector },
  exporters: { prometheus: { endpoint: "0.0.0.0:8889" } },
  service: {
    pipelines: {
      traces: { receivers: ["otlp"], exporters: ["span_metrics"] },
      metrics: { receivers: ["span_metrics"], exporters: ["prometheus"] },
    },
  },
});

const names = spanMetricNames(collector({ histogram: { unit: "ms" } }));

describe("the PromQL of gini red, as Jaeger's Monitor tab queries", () => {
  it("per service: call rate, error ratio over STATUS_CODE_ERROR, quantiles over the buckets", () => {
    const q = redQueries(names, { spanKind: "server", windowSeconds: 60 }, "service");
    const sel = `{span_kind="SPAN_KIND_SERVER"}`;
    expect(q.rate).toBe(`sum(rate(traces_span_metrics_calls_total${sel}[60s])) by (service_name)`);
    expect(q.errors).toBe(
      `sum(rate(traces_span_metrics_calls_total{span_kind="SPAN_KIND_SERVER", status_code="STATUS_CODE_ERROR"}[60s])) by (service_name) / ${q.rate}`,
    );
    expect(q.p95).toBe(
      `histogram_quantile(0.95, sum(rate(traces_span_metrics_duration_milliseconds_bucket${sel}[60s])) by (service_name, le))`,
    );
    expect([q.p50, q.p99].map((x) => x.slice(0, 24))).toEqual([
      "histogram_quantile(0.50,",
      "histogram_quantile(0.99,",
    ]);
  });

  it("per operation, with the service and operation matched exactly and quoted", () => {
    const sel = { service: 'my "api"', operation: "GET /a.b", windowSeconds: 90 };
    const q = redQueries(names, sel, "operation");
    expect(q.rate).toBe(
      `sum(rate(traces_span_metrics_calls_total{service_name="my \\"api\\"", span_name="GET /a.b"}[90s])) by (service_name, span_name)`,
    );
    expect(q.p99).toContain("by (service_name, span_name, le))");
  });

  it("takes its names from the config model: a custom namespace and seconds", () => {
    const custom = spanMetricNames(collector({ namespace: "app.spans", histogram: { unit: "s" } }));
    const q = redQueries(custom, { windowSeconds: 30 }, "service");
    expect(q.rate).toBe("sum(rate(app_spans_calls_total{}[30s])) by (service_name)");
    expect(q.p50).toContain("app_spans_duration_seconds_bucket{}[30s]");
    expect(samplesQuery(custom, { service: "x", windowSeconds: 30 })).toBe(
      'max(count_over_time(app_spans_calls_total{service_name="x"}[30s]))',
    );
  });

  it("writes windows as Prometheus reads them, and finds the collector's own counter", () => {
    expect(promDuration(60)).toBe("60s");
    expect(promDuration(1.5)).toBe("1500ms");
    expect(acceptedSpansQuery("otelcol_receiver_accepted_spans")).toBe(
      'sum({__name__=~"otelcol_receiver_accepted_spans(_total)?"})',
    );
  });
});

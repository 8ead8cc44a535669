import { describe, expect, it } from "vitest";

import { isContribType } from "./contrib-components.js";

describe("the contrib component list", () => {
  it("knows current types and their deprecated aliases, and not Jaeger's", () => {
    expect(isContribType("connectors", "span_metrics")).toBe(true);
    expect(isContribType("connectors", "spanmetrics")).toBe(true);
    expect(isContribType("exporters", "otlp_grpc")).toBe(true);
    expect(isContribType("exporters", "otlp")).toBe(true);
    expect(isContribType("exporters", "otlp_http")).toBe(true);
    expect(isContribType("exporters", "otlphttp")).toBe(true);
    expect(isContribType("processors", "deltatocumulative")).toBe(true);
    expect(isContribType("receivers", "otlp")).toBe(true);
    expect(isContribType("exporters", "prometheus_remote_write")).toBe(true);
    expect(isContribType("exporters", "jaeger_storage_exporter")).toBe(false);
  });
});

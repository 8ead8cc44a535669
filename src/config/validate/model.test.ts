import { describe, expect, it } from "vitest";
import { isContribType } from "./contrib-components.js";
import { isLoopback, parseEndpoint, sameType, typeOf } from "./model.js";
import { durationSeconds } from "./prometheus-model.js";

describe("model helpers", () => {
  it("parses endpoints with and without a scheme", () => {
    expect(parseEndpoint("0.0.0.0:4317")).toEqual({ host: "0.0.0.0", port: 4317 });
    expect(parseEndpoint("http://prometheus:9090/")).toEqual({ host: "prometheus", port: 9090 });
    expect(parseEndpoint("[::1]:8889")).toEqual({ host: "::1", port: 8889 });
    expect(parseEndpoint("jaeger")).toEqual({ host: "jaeger" });
  });

  it("knows loopback names", () => {
    expect(["localhost", "127.0.0.1", "127.1.2.3", "::1"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "otel-collector", ""].some(isLoopback)).toBe(false);
  });

  it("matches renamed types and their deprecated aliases", () => {
    expect(typeOf("otlp/jaeger")).toBe("otlp");
    expect(sameType("spanmetrics", "span_metrics")).toBe(true);
    expect(sameType("otlp_grpc/jaeger", "otlp")).toBe(true);
    expect(sameType("otlp/jaeger", "otlp_grpc")).toBe(true);
    expect(sameType("otlphttp", "otlp_http")).toBe(true);
    expect(sameType("otlp_http/jaeger", "otlphttp")).toBe(true);
    expect(sameType("otlphttp", "otlp")).toBe(false);
    expect(sameType("otlp_http", "otlp_grpc")).toBe(false);
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

  it("reads Go and Prometheus durations", () => {
    expect(durationSeconds("5s")).toBe(5);
    expect(durationSeconds("1m30s")).toBe(90);
    expect(durationSeconds("500ms")).toBe(0.5);
    expect(durationSeconds("soon")).toBeUndefined();
  });
});

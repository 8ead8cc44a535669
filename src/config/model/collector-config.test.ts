import { describe, expect, it } from "vitest";

import { sameType, typeOf } from "./index.js";

describe("component types", () => {
  it("matches renamed types and their deprecated aliases", () => {
    expect(typeOf("otlp/jaeger")).toBe("otlp");
    expect(sameType("spanmetrics", "span_metrics")).toBe(true);
    expect(sameType("otlp_grpc/jaeger", "otlp")).toBe(true);
    expect(sameType("otlp/jaeger", "otlp_grpc")).toBe(true);
    expect(sameType("otlphttp", "otlp_http")).toBe(true);
    expect(sameType("otlp_http/jaeger", "otlphttp")).toBe(true);
    expect(sameType("otlphttp", "otlp")).toBe(false);
    expect(sameType("otlp_http", "otlp_grpc")).toBe(false);
  });
});

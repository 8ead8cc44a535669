import { describe, expect, it } from "vitest";

import { spansOf } from "./otlp.js";
import { FAILED, fixture } from "./traces.fake.js";

const failed = () => spansOf(JSON.parse(fixture("trace-failed-generate")));
const named = (name: string, service: string) =>
  failed().find((s) => s.name === name && s.service === service)!;

describe("spansOf: Jaeger's api_v3 OTLP JSON", () => {
  it("reads every span of a recorded trace, with its resource's service", () => {
    expect(failed().map((s) => `${s.service} ${s.name}`)).toEqual([
      "gini-api model.generate",
      "gini-api POST /api/generate",
      "gini-ui POST",
      "gini-ui POST /api/generate",
    ]);
  });

  it("reads the failing model call: ids, kind, times, error and its message", () => {
    expect(named("model.generate", "gini-api")).toEqual({
      traceId: FAILED,
      spanId: "ffa046d5d3b94408",
      parentSpanId: "6acab271286a596e",
      service: "gini-api",
      name: "model.generate",
      kind: "internal",
      startMs: 1795624006030,
      durationMs: 40.74964,
      error: true,
      errorMessage: "gini-demo-model failed: the prompt asked for a failure",
      attributes: { "gen_ai.request.model": "gini-demo-model" },
    });
  });

  it("keeps the attributes that say what a span did, numbers as numbers", () => {
    const server = named("POST /api/generate", "gini-api");
    expect(server.kind).toBe("server");
    expect(server.attributes).toEqual({
      "http.method": "POST",
      "http.route": "/api/generate",
      "http.status_code": 500,
      "http.target": "/api/generate",
      "http.url": "http://localhost:8000/api/generate",
    });
  });

  it("takes an exception's message when the status has none; a root has no parent", () => {
    const root = named("POST /api/generate", "gini-ui");
    expect(root.parentSpanId).toBeNull();
    expect(root.error).toBe(true);
    expect(root.errorMessage).toBe("gini-demo-model failed: the prompt asked for a failure");
    // The client span failed with status ERROR and no exception: an error without a message.
    expect(named("POST", "gini-ui")).toMatchObject({
      kind: "client",
      error: true,
      errorMessage: null,
    });
  });

  it("marks a span with only an exception event as an error", () => {
    const [span] = spansOf({
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: "AB",
                  spanId: "CD",
                  parentSpanId: "",
                  name: "work",
                  events: [{ name: "exception", attributes: [] }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(span).toMatchObject({
      traceId: "ab",
      parentSpanId: null,
      error: true,
      errorMessage: null,
    });
  });

  it("reads enum names and a bare TracesData too, and a resource without a service", () => {
    const [span] = spansOf({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: "1",
                  spanId: "2",
                  name: "x",
                  kind: "SPAN_KIND_SERVER",
                  status: { code: "STATUS_CODE_ERROR", message: "boom" },
                  startTimeUnixNano: "1000000",
                  endTimeUnixNano: "3500000",
                },
              ],
            },
          ],
        },
      ],
    });
    expect(span).toMatchObject({
      service: "unknown",
      kind: "server",
      error: true,
      errorMessage: "boom",
      startMs: 1,
      durationMs: 2.5,
    });
  });

  it("finds no spans in an empty answer", () => {
    expect(spansOf({})).toEqual([]);
    expect(spansOf(undefined)).toEqual([]);
    expect(spansOf({ result: {} })).toEqual([]);
  });
});

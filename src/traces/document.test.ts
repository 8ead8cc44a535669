import { describe, expect, it } from "vitest";

import { tracesDocument } from "./document.js";
import { findTraces, getTrace } from "./search.js";
import { DEMO, FAILED, fakeTracesDeps } from "./traces.fake.js";

describe("tracesDocument: gini traces --json", () => {
  it("holds the search and each trace with its spans in tree order", async () => {
    const search = await findTraces({ errors: true, limit: 10 }, fakeTracesDeps(DEMO));
    const doc = JSON.parse(JSON.stringify(tracesDocument(search, "localhost"))) as unknown;
    expect(doc).toEqual({
      services: ["gini-api", "gini-ui"],
      knownServices: ["gini-api", "gini-ui"],
      traces: [
        {
          traceId: FAILED,
          url: `http://localhost:16686/trace/${FAILED}`,
          rootService: "gini-ui",
          rootName: "POST /api/generate",
          startTime: "2026-11-25T16:26:46.027000Z",
          durationMs: 47.672,
          spanCount: 4,
          errorCount: 4,
          spans: [
            expect.objectContaining({ service: "gini-ui", name: "POST /api/generate" }),
            expect.objectContaining({ service: "gini-ui", name: "POST" }),
            expect.objectContaining({ service: "gini-api", name: "POST /api/generate" }),
            expect.objectContaining({ service: "gini-api", name: "model.generate" }),
          ],
        },
      ],
    });
  });

  it("gives each span its ids, parent, timing, error and the attributes that matter", async () => {
    const doc = tracesDocument(await getTrace(FAILED, fakeTracesDeps(DEMO)), "localhost");
    expect(doc.services).toEqual([]);
    const [root, client, server, model] = doc.traces[0]!.spans;
    expect(model).toEqual({
      traceId: FAILED,
      spanId: "ffa046d5d3b94408",
      parentSpanId: server!.spanId,
      service: "gini-api",
      name: "model.generate",
      kind: "internal",
      startTime: "2026-11-25T16:26:46.030000Z",
      durationMs: 40.75,
      error: true,
      errorMessage: "gini-demo-model failed: the prompt asked for a failure",
      attributes: { "gen_ai.request.model": "gini-demo-model" },
    });
    expect(server!.parentSpanId).toBe(client!.spanId);
    expect(client!.parentSpanId).toBe(root!.spanId);
    expect(root!.parentSpanId).toBeNull();
    expect(Object.keys(root!)).toEqual(Object.keys(model!));
  });
});

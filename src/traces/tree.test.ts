import { describe, expect, it } from "vitest";

import { spansOf } from "./otlp.js";
import type { TraceSpan } from "./span.js";
import { FAILED, fixture } from "./traces.fake.js";
import { buildTraces, type SpanNode } from "./tree.js";

const failedSpans = () => spansOf(JSON.parse(fixture("trace-failed-generate")));
const searchSpans = () => spansOf(JSON.parse(fixture("search-gini-ui")));

/** The tree as indented `service name` lines. */
function outline(nodes: SpanNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${"  ".repeat(depth)}${n.span.service} ${n.span.name}`,
    ...outline(n.children, depth + 1),
  ]);
}

const span = (spanId: string, parentSpanId: string | null, startMs: number): TraceSpan => ({
  traceId: "t",
  spanId,
  parentSpanId,
  service: "svc",
  name: spanId,
  kind: "internal",
  startMs,
  durationMs: 1,
  error: false,
  errorMessage: null,
  attributes: {},
});

describe("buildTraces", () => {
  it("links a recorded trace from the UI's root through the API to the failing model call", () => {
    const [trace] = buildTraces(failedSpans());
    expect(outline(trace!.roots)).toEqual([
      "gini-ui POST /api/generate",
      "  gini-ui POST",
      "    gini-api POST /api/generate",
      "      gini-api model.generate",
    ]);
    expect(trace).toMatchObject({
      traceId: FAILED,
      startMs: 1795624006027,
      errorCount: 4,
      root: { service: "gini-ui", name: "POST /api/generate" },
    });
    expect(trace!.durationMs).toBeCloseTo(47.671601, 3);
    expect(trace!.spans.map((s) => s.name)).toEqual([
      "POST /api/generate",
      "POST",
      "POST /api/generate",
      "model.generate",
    ]);
  });

  it("groups a search's spans into traces, most recent first", () => {
    const traces = buildTraces(searchSpans());
    expect(traces.map((t) => [t.traceId.slice(0, 8), t.spans.length, t.errorCount])).toEqual([
      ["d3203f8f", 3, 0],
      ["7f23cb6a", 4, 4],
      ["450ea2d7", 4, 0],
    ]);
  });

  it("makes a span whose parent never arrived a root, beside the others by start", () => {
    // Without the UI's root span: its client span is an orphan and roots the rest.
    const spans = failedSpans().filter((s) => s.parentSpanId !== null);
    const [trace] = buildTraces(spans);
    expect(outline(trace!.roots)).toEqual([
      "gini-ui POST",
      "  gini-api POST /api/generate",
      "    gini-api model.generate",
    ]);
    const [two] = buildTraces([span("b", "gone", 2), span("a", "missing", 1), span("c", "a", 3)]);
    expect(outline(two!.roots)).toEqual(["svc a", "  svc c", "svc b"]);
    expect(two!.root.spanId).toBe("a");
  });

  it("names the trace after its true root even when an orphan started earlier", () => {
    const [trace] = buildTraces([span("orphan", "gone", 1), span("root", null, 2)]);
    expect(outline(trace!.roots)).toEqual(["svc orphan", "svc root"]);
    expect(trace!.root.spanId).toBe("root");
  });

  it("handles a trace of 200,000 spans", () => {
    const spans = Array.from({ length: 200_000 }, (_, i) => span(`s${i}`, i ? "s0" : null, i));
    const [trace] = buildTraces(spans);
    expect(trace!.spans).toHaveLength(200_000);
    expect(trace!.durationMs).toBe(200_000);
  });

  it("orders children by start time, whatever order the spans came in", () => {
    const spans = [
      span("late", "r", 30),
      span("early", "r", 10),
      span("r", null, 0),
      span("mid", "r", 20),
    ];
    const [trace] = buildTraces(spans);
    expect(outline(trace!.roots)).toEqual(["svc r", "  svc early", "  svc mid", "  svc late"]);
    expect(trace!.durationMs).toBe(31);
  });

  it("counts a span sent twice once", () => {
    const [trace] = buildTraces([...failedSpans(), ...failedSpans()]);
    expect(trace!.spans).toHaveLength(4);
    expect(trace!.errorCount).toBe(4);
  });

  it("keeps spans whose parent links loop, without looping itself", () => {
    const [trace] = buildTraces([span("a", "b", 1), span("b", "a", 2), span("self", "self", 3)]);
    expect(trace!.spans.map((s) => s.spanId).sort()).toEqual(["a", "b", "self"]);
    expect(outline(trace!.roots)).toEqual(["svc a", "  svc b", "svc self"]);
    expect(trace!.spans.map((s) => s.spanId)).toEqual(["a", "b", "self"]);
  });
});

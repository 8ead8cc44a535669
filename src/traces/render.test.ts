import { describe, expect, it } from "vitest";

import { clip, formatAge, isoMicros } from "./format.js";
import { spansOf } from "./otlp.js";
import { renderTrace, type Style } from "./render.js";
import type { TraceSpan } from "./span.js";
import { FAILED, fixture, NOW } from "./traces.fake.js";
import { buildTraces, type Trace } from "./tree.js";

const failed = (keep: (s: TraceSpan) => boolean = () => true): Trace =>
  buildTraces(spansOf(JSON.parse(fixture("trace-failed-generate"))).filter(keep))[0]!;

/** Marks what each colour wraps, so a test sees where colour goes without ANSI codes. */
const TAGS: Style = {
  bad: (s) => `<bad>${s}</bad>`,
  dim: (s) => `<dim>${s}</dim>`,
  bold: (s) => `<b>${s}</b>`,
};

describe("renderTrace", () => {
  it("prints the summary, the Jaeger UI link and the tree with the error where it started", () => {
    expect(renderTrace(failed(), NOW, "localhost")).toEqual([
      "gini-ui POST /api/generate  4 spans, 48ms, 4 errors, 12s ago",
      `  http://localhost:16686/trace/${FAILED}`,
      "  gini-ui   POST /api/generate        48ms  ✖",
      "  gini-ui   └─ POST                   44ms  ✖",
      "  gini-api     └─ POST /api/generate  42ms  ✖",
      "  gini-api        └─ model.generate   41ms  ✖ gini-demo-model failed: the prompt asked for a failure",
    ]);
  });

  it("links the trace on the published host it is handed", () => {
    expect(renderTrace(failed(), NOW, "build-box.lan")[1]).toBe(
      `  http://build-box.lan:16686/trace/${FAILED}`,
    );
  });

  it("colours through the style it is given: the root bold, errors red, the link dim", () => {
    const lines = renderTrace(failed(), NOW, "localhost", TAGS);
    expect(lines[0]).toBe(
      "<b>gini-ui POST /api/generate</b>  4 spans, 48ms, <bad>4 errors</bad>, 12s ago",
    );
    expect(lines[1]).toBe(`  <dim>http://localhost:16686/trace/${FAILED}</dim>`);
    expect(lines[5]).toMatch(/ <bad>✖ gini-demo-model failed: .*<\/bad>$/);
  });

  it("says when a root's parent span is missing from the trace", () => {
    const lines = renderTrace(
      failed((s) => s.parentSpanId !== null),
      NOW,
      "localhost",
    );
    expect(lines[2]).toBe("  gini-ui   POST                   44ms  ✖  (parent span missing)");
    expect(lines[3]).toBe("  gini-api  └─ POST /api/generate  42ms  ✖");
  });

  it("draws siblings with ├─ and │, and shows a successful trace without marks", () => {
    const spans = (["root", "a", "a1", "b"] as const).map((id, i): TraceSpan => ({
      ...failed().spans[0]!,
      spanId: id,
      parentSpanId: { root: null, a: "root", a1: "a", b: "root" }[id],
      name: id,
      startMs: i,
      durationMs: 0.5,
      error: false,
    }));
    expect(renderTrace(buildTraces(spans)[0]!, 4000, "localhost").slice(2)).toEqual([
      "  gini-ui  root      0.50ms",
      "  gini-ui  ├─ a      0.50ms",
      "  gini-ui  │  └─ a1  0.50ms",
      "  gini-ui  └─ b      0.50ms",
    ]);
  });

  it("prints the first 40 spans of a large trace and says how many more there are", () => {
    const base = failed().spans[0]!;
    const spans = Array.from({ length: 45 }, (_, i) => ({
      ...base,
      spanId: `s${i}`,
      parentSpanId: i === 0 ? null : "s0",
      startMs: base.startMs + i,
      error: false,
    }));
    const lines = renderTrace(buildTraces(spans)[0]!, NOW, "localhost");
    expect(lines).toHaveLength(2 + 40 + 1);
    expect(lines.at(-1)).toBe("  … 5 more spans: open the link, or use --json");
  });
});

describe("what a trace brings", () => {
  it("shows control characters in names, services and messages escaped", () => {
    const trace = failed((s) => s.parentSpanId === null);
    const root = trace.spans[0]!;
    Object.assign(root, {
      name: "GET /\u001b[2Jx",
      service: "ui\u001b]0;t\u0007",
      error: true,
      errorMessage: "bad\u009b31m",
    });
    const lines = renderTrace(buildTraces([root])[0]!, NOW, "localhost");
    expect(lines[0]).toMatch(/^ui\\x1b\]0;t\\x07 GET \/\\x1b\[2Jx {2}1 span/);
    expect(lines[2]).toMatch(
      /^ {2}ui\\x1b\]0;t\\x07 {2}GET \/\\x1b\[2Jx {2}\S+ {2}✖ bad\\u009b31m$/,
    );
    expect(lines.join("").includes("\u001b")).toBe(false);
  });

  it("draws a trace 5,000 spans deep, the tree indented up to depth 20", () => {
    const base = failed().spans[0]!;
    const spans = Array.from({ length: 5000 }, (_, i) => ({
      ...base,
      name: `s${i}`,
      spanId: `s${i}`,
      parentSpanId: i === 0 ? null : `s${i - 1}`,
      startMs: base.startMs + i,
      error: false,
    }));
    const [trace] = buildTraces(spans);
    expect(trace!.spans).toHaveLength(5000);
    const lines = renderTrace(trace!, NOW, "localhost");
    expect(lines).toHaveLength(2 + 40 + 1);
    expect(lines[22]).toMatch(/└─ s20 /);
    expect(lines[23]).toMatch(/└─ \(depth 21\) s21 /);
    expect(lines[23]!.indexOf("└─")).toBe(lines[22]!.indexOf("└─"));
  });
});

describe("formats", () => {
  it("ages in the largest whole unit; a clock slightly ahead is 'just now'", () => {
    expect([-500, 999, 12_000, 185_000, 7_300_000, 90_000_000].map(formatAge)).toEqual([
      "just now",
      "just now",
      "12s ago",
      "3m ago",
      "2h ago",
      "1d ago",
    ]);
  });

  it("times as RFC 3339 with microseconds; messages cut to one line", () => {
    expect(isoMicros(1795624006030.123)).toBe("2026-11-25T16:26:46.030123Z");
    expect(clip("first line\nstack", 20)).toBe("first line");
    expect(clip("a long message", 6)).toBe("a lon…");
  });
});

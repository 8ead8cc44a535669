import { describe, expect, it } from "vitest";

import { documentAnswer, documentOf, failedRun, MAX_ANSWER_BYTES } from "./answer.js";
import { TOOLS } from "./tools.js";

describe("what an MCP tool answers", () => {
  it("a command's error and hint lines as a tool error", () => {
    const run = {
      code: 2,
      stdout: "",
      stderr: 'error: --window: "5x" is not a duration\nhint: e.g. 5m\n',
    };
    expect(failedRun(run)).toEqual({
      isError: true,
      content: [{ type: "text", text: 'error: --window: "5x" is not a duration\nhint: e.g. 5m' }],
    });
    expect(failedRun({ code: 1, stdout: "", stderr: "Segmentation fault\n" }).content).toEqual([
      { type: "text", text: "error: Segmentation fault" },
    ]);
  });

  it("a document cut from the end of its list to the size limit, saying so", () => {
    const traces = Array.from({ length: 50 }, (_, i) => ({
      traceId: String(i),
      spans: "x".repeat(5000),
    }));
    const answer = documentAnswer(
      { services: [], traces },
      (d) => `${(d.traces as unknown[]).length} traces`,
      "traces",
    );
    const doc = answer.structuredContent!;
    expect(JSON.stringify(doc).length).toBeLessThanOrEqual(MAX_ANSWER_BYTES);
    const kept = (doc.traces as unknown[]).length;
    expect(kept).toBeGreaterThan(10);
    expect(kept).toBeLessThan(50);
    expect(doc.truncated).toBe(
      `traces cut to ${kept} of 50: the answer is limited to ${MAX_ANSWER_BYTES} bytes; ask for fewer`,
    );
    const text = (answer.content[0] as { text: string }).text;
    expect(text).toContain(`${kept} traces\n(traces cut to`);
  });

  it("reads a --json document, a list as items, and nothing else", () => {
    expect(documentOf({ code: 1, stdout: '{"verdict":"fail"}', stderr: "" })).toEqual({
      verdict: "fail",
    });
    expect(documentOf({ code: 0, stdout: '[{"name":"a"}]', stderr: "" })).toEqual({
      items: [{ name: "a" }],
    });
    expect(documentOf({ code: 1, stdout: "", stderr: "error: x" })).toBeUndefined();
  });

  it("each tool's input as the command's flags, values joined so none is taken for an option", () => {
    const args = (name: string, input: Record<string, unknown>) =>
      TOOLS.find((t) => t.name === name)!.args(input);
    expect(args("red", { service: "api", window: "1m", spanKind: "client" })).toEqual([
      "red",
      "--json",
      "--service=api",
      "--window=1m",
      "--span-kind=client",
    ]);
    expect(args("traces", { traceId: "abc", errors: true })).toEqual([
      "traces",
      "abc",
      "--json",
      "--errors",
    ]);
    expect(args("check", { baseline: "main", maxP95Increase: "10%", minRequests: 5 })).toEqual([
      "check",
      "--json",
      "--min-requests=5",
      "--baseline=main",
      "--max-p95-increase=10%",
    ]);
    expect(args("red", { service: "--project-dir=/etc" })).toEqual([
      "red",
      "--json",
      "--service=--project-dir=/etc",
    ]);
    expect(args("compare", { baseline: "main" })).toEqual(["red", "--json", "--compare=main"]);
  });
});

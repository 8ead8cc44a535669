// `gini traces` on the real stack: the demo under `gini traffic` (3 in 20 requests fail on
// purpose), read back from Jaeger's api_v3 as span trees.
import { describe, expect, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { gini, projectDownAround } from "./helpers/gini.js";
import { TracesDoc, TracesSpan, TracesTrace } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";

const FAILURE = "gini-demo-model failed";

/** A span's ancestors, nearest first. */
function ancestors(trace: TracesTrace, span: TracesSpan): TracesSpan[] {
  const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
  const chain: TracesSpan[] = [];
  for (let p = byId.get(span.parentSpanId ?? ""); p && chain.length < 50;) {
    chain.push(p);
    p = byId.get(p.parentSpanId ?? "");
  }
  return chain;
}

/** The API's failing model call in a trace that the UI started, once all its spans are in. */
function failingCallFromUi(trace: TracesTrace): TracesSpan | undefined {
  const model = trace.spans.find(
    (s) => s.service === "gini-api" && s.name === "model.generate" && s.error,
  );
  if (!model || trace.rootService !== "gini-ui") return undefined;
  return ancestors(trace, model).some((s) => s.service === "gini-ui") ? model : undefined;
}

async function tracesJson(dir: string, args: string[]): Promise<TracesDoc> {
  const run = await gini(dir, ["traces", ...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return TracesDoc.parse(JSON.parse(run.stdout));
}

describe("gini traces on the real stack", () => {
  const dir = projectFixture({ name: "gini-traces" });
  projectDownAround(dir);
  let failed: TracesTrace | undefined;

  it("--errors --json shows the API's failing model call, linked up to the UI's request", async () => {
    const up = await gini(dir, ["up", "--detach"]);
    expect(up.stderr).not.toContain("error:");
    expect(up.code).toBe(0);
    const traffic = await gini(dir, ["traffic", "--rps", "10", "--duration", "10s"]);
    expect(traffic.code).toBe(0);
    expect(traffic.stdout).toMatch(/[1-9]\d* failed/);

    const doc = await eventually(
      () => tracesJson(dir, ["--errors", "--limit", "50"]),
      (d) => d.traces.some((t) => failingCallFromUi(t) !== undefined),
      30_000,
      1000,
    );
    // The default services are the project's apps (the demo's), as Jaeger knows them.
    expect(doc.services).toEqual(["gini-api", "gini-ui"]);
    expect(doc.knownServices).toEqual(expect.arrayContaining(["gini-api", "gini-ui"]));
    expect(doc.traces.length).toBeGreaterThan(0);
    expect(doc.traces.every((t) => t.errorCount > 0 && t.spans.some((s) => s.error))).toBe(true);

    failed = doc.traces.find((t) => failingCallFromUi(t) !== undefined);
    const model = failingCallFromUi(failed!)!;
    expect(model.errorMessage).toContain(FAILURE);
    expect(model.attributes).toMatchObject({ "gen_ai.request.model": "gini-demo-model" });
    // UI server span → UI client span → API server span → model.generate.
    expect(ancestors(failed!, model).map((s) => `${s.service} ${s.kind} ${s.name}`)).toEqual([
      "gini-api server POST /api/generate",
      "gini-ui client POST",
      "gini-ui server POST /api/generate",
    ]);
    expect(failed!.rootName).toBe("POST /api/generate");
    expect(failed!.url).toBe(`http://localhost:16686/trace/${failed!.traceId}`);
  });

  it("gini traces <id> prints that trace: the same spans as a tree with the error marked", async () => {
    expect(failed).toBeDefined();
    const { traceId } = failed!;
    const doc = await tracesJson(dir, [traceId]);
    expect(doc.traces).toHaveLength(1);
    expect(doc.traces[0]!.traceId).toBe(traceId);
    expect(doc.traces[0]!.spans.map((s) => s.spanId).sort()).toEqual(
      failed!.spans.map((s) => s.spanId).sort(),
    );

    const text = await gini(dir, ["traces", traceId]);
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^gini-ui POST \/api\/generate {2}\d+ spans, .*, \d+ errors, /);
    expect(lines[1]).toBe(`  http://localhost:16686/trace/${traceId}`);
    const modelLine = lines.find((l) => l.includes("model.generate"));
    expect(modelLine).toMatch(
      /^ {2}gini-api +[ │]*└─ model\.generate +[\d.]+m?s {2}✖ gini-demo-model failed/,
    );
  });

  it("an unknown trace id fails in one line that names it, exit 1", async () => {
    const run = await gini(dir, ["traces", "0af7651916cd43dd8448eb211c80319c"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(
      "error: trace 0af7651916cd43dd8448eb211c80319c not found in Jaeger",
    );
  });
});

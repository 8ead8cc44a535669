import type { ChildProcess } from "node:child_process";
import { join } from "node:path";

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { gini, projectDownAround, ROOT, spawnGini } from "./helpers/gini.js";
import { RedDoc, StatusDoc, TracesDoc } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";

const READ_TOOLS = ["baselines", "check", "compare", "doctor", "logs", "red", "status", "traces"];
/** The traffic the RED comparison reads, in requests a second. */
const RPS = 10;

/** An MCP client of `gini mcp` in `dir`, through the SDK's own stdio transport. */
async function connect(dir: string, args: string[] = []): Promise<Client> {
  const images = inject("images");
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(ROOT, "dist/bundle/bin.js"), "mcp", ...args],
    cwd: dir,
    env: {
      ...(process.env as Record<string, string>),
      GINI_OTEL_COLLECTOR_IMAGE: images.collector,
      GINI_JAEGER_IMAGE: images.jaeger,
      GINI_PROMETHEUS_IMAGE: images.prometheus,
    },
    stderr: "pipe",
  });
  const client = new Client({ name: "gini-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  return { result, text, doc: result.structuredContent };
}

describe("gini mcp: the stack as tools for an MCP client, on the real stack", () => {
  const dir = projectFixture({ name: "gini-mcp" });
  projectDownAround(dir);
  let readOnly: Client;
  let lifecycle: Client;
  let traffic: ChildProcess | undefined;

  beforeAll(async () => {
    [readOnly, lifecycle] = await Promise.all([connect(dir), connect(dir, ["--allow-lifecycle"])]);
  });

  afterAll(async () => {
    traffic?.kill("SIGINT");
    await Promise.all([readOnly?.close(), lifecycle?.close()]);
  });

  it("offers read-only tools with JSON input schemas; up and down only with --allow-lifecycle", async () => {
    const { tools } = await readOnly.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(READ_TOOLS);
    for (const tool of tools) {
      expect(tool.description!.length).toBeGreaterThan(20);
      expect(tool.inputSchema.type).toBe("object");
      for (const property of Object.values(tool.inputSchema.properties ?? {})) {
        expect(typeof (property as { description?: unknown }).description).toBe("string");
        expect(["string", "number", "integer", "boolean"]).toContain(
          (property as { type: string }).type,
        );
      }
    }
    const all = (await lifecycle.listTools()).tools.map((t) => t.name).sort();
    expect(all).toEqual([...READ_TOOLS, "down", "up"].sort());
    expect(
      (await lifecycle.listTools()).tools.find((t) => t.name === "down")!.description,
    ).toContain("--allow-lifecycle");
  });

  it("says the stack is not running, as a tool error with gini's message and hint", async () => {
    const { result, text } = await call(readOnly, "red");
    expect(result.isError).toBe(true);
    expect(text).toMatch(/^error: prometheus does not answer at http:\/\/localhost:9090/);
    expect(text).toContain("hint: start the stack with `gini up`");
  });

  it("brings the stack up through `up`, and answers as the commands' --json do", async () => {
    const up = await call(lifecycle, "up");
    expect(up.result.isError, up.text).toBeFalsy();
    expect(up.text).toContain("SPM stack is up");
    const status = await call(readOnly, "status");
    expect(StatusDoc.parse(status.doc).services.map((s) => s.state)).toEqual([
      "running",
      "running",
      "running",
    ]);
    expect(status.text).toMatch(/^otel-collector: running \(healthy\)$/m);

    traffic = spawnGini(dir, ["traffic", "--rps", String(RPS), "--duration", "5m"]);
    let toolReadAt = 0;
    const red = await eventually(
      () => ((toolReadAt = Date.now()), call(readOnly, "red", { window: "1m" })),
      (r) => (RedDoc.safeParse(r.doc).data?.services ?? []).some((s) => s.requests >= 30),
      60_000,
      2000,
    );
    const cli = RedDoc.parse(
      JSON.parse((await gini(dir, ["red", "--window", "1m", "--json"])).stdout),
    );
    // What arrived between the two reads (the CLI's ends after it read), with a margin for
    // Prometheus's extrapolation and scrape timing.
    const between = (RPS * (Date.now() - toolReadAt)) / 1000;
    const fromTool = red.doc as unknown as RedDoc;
    expect(fromTool.services.map((s) => s.name)).toEqual(cli.services.map((s) => s.name));
    for (const service of fromTool.services) {
      const same = cli.services.find((s) => s.name === service.name)!;
      expect(service.operations.map((o) => o.name)).toEqual(same.operations.map((o) => o.name));
      expect(Math.abs(service.requests - same.requests)).toBeLessThanOrEqual(between * 1.25 + 5);
    }
    expect(red.text).toMatch(/^gini-api: \d+ requests, errors [\d.]+ %, p50 /m);

    const failing = await eventually(
      () => call(readOnly, "traces", { errors: true, limit: 3 }),
      (r) => (TracesDoc.safeParse(r.doc).data?.traces.length ?? 0) > 0,
      30_000,
      2000,
    );
    const trace = TracesDoc.parse(failing.doc).traces[0]!;
    const errorSpan = trace.spans.find((s) => s.error)!;
    expect(errorSpan.errorMessage).toBeTruthy();
    expect(failing.text).toContain(`error in ${errorSpan.service} ${errorSpan.name}`);
    const byId = await call(readOnly, "traces", { traceId: trace.traceId });
    const cliTrace = TracesDoc.parse(
      JSON.parse((await gini(dir, ["traces", trace.traceId, "--json"])).stdout),
    );
    expect(byId.doc).toEqual(cliTrace);

    const check = await call(readOnly, "check", { p95: "1ms", window: "1m" });
    expect(check.result.isError).toBeFalsy();
    expect(check.doc).toMatchObject({ verdict: "fail", exitCode: 1 });

    const logs = await call(readOnly, "logs", { name: "otel-collector", tail: 5 });
    const lines = (logs.doc as { lines: string[] }).lines;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(5);
  }, 240_000);

  it("answers bad arguments with what is wrong, never by crashing", async () => {
    const window = await call(readOnly, "red", { window: "5x" });
    expect(window.result.isError).toBe(true);
    expect(window.text).toBe(
      'error: --window: "5x" is not a duration\nhint: use e.g. 30s, 5m, 1h30m',
    );
    // A value that looks like an option stays a value: no other project is read.
    const sneaky = await call(readOnly, "red", { service: "--project-dir=/etc" });
    expect(sneaky.result.isError).toBeFalsy();
    expect(sneaky.text).toContain("--project-dir=/etc");
    const limit = await call(readOnly, "traces", { limit: 500 });
    expect(limit.result.isError).toBe(true);
    expect(limit.text).toMatch(/limit/);
    const unknown = await call(readOnly, "red", { service: "no-such-service" });
    expect(unknown.text).toContain("no-such-service");
    const logs = await call(readOnly, "logs", { name: "nope" });
    expect(logs.result.isError).toBe(true);
    expect(logs.text).toContain('error: unknown service or app "nope"');
    const missing = await call(readOnly, "compare", { baseline: "never-saved" });
    expect(missing.result.isError).toBe(true);
    expect(missing.text).toMatch(/^error: .*never-saved/);
    // Still answering after all that.
    expect((await call(readOnly, "status")).result.isError).toBeFalsy();
  });

  it("takes the stack down through `down`", async () => {
    const down = await call(lifecycle, "down");
    expect(down.result.isError, down.text).toBeFalsy();
    const status = await call(readOnly, "status");
    expect(StatusDoc.parse(status.doc).services.map((s) => s.state)).toEqual([
      "missing",
      "missing",
      "missing",
    ]);
  });
});

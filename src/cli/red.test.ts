import chalk from "chalk";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { projectFixture, removeProjectFixtures } from "../config/project.fake.js";
import { main } from "../main.js";
import { DEFAULT_MIN_REQUESTS } from "../red/index.js";
import { fakePrometheus, type FakeRow, type Scene } from "../red/red.fake.js";
import { registerCheck } from "./check.js";
import { registerRed } from "./red.js";

const ROWS: FakeRow[] = [
  { service: "gini-api", operation: "GET /api/items", rate: 4, p50: 4, p95: 9, p99: 20 },
  { service: "gini-api", operation: "GET /health", rate: 0 },
  {
    service: "gini-api",
    operation: "POST /api/generate",
    rate: 6,
    errorRatio: 0.25,
    p50: 140,
    p95: 380,
    p99: 470,
  },
];
const UP = [{ instance: "otel-collector:8889", health: "up" }];

/** Runs `gini ...args` against a fake Prometheus: exit code, stdout and stderr. */
async function gini(scene: Scene, ...args: string[]) {
  const fake = fakePrometheus({ targets: UP, ...scene });
  const build = () => {
    const program = new Command("gini")
      .option("--project-dir <dir>", "project folder", ".")
      .option("--config <file>", "gini.yaml")
      .option("--verbose", "stack traces")
      .exitOverride();
    registerRed(program, fake.deps);
    registerCheck(program, fake.deps);
    return program;
  };
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const dir = projectFixture();
  const code = await main(["node", "gini", "--project-dir", dir, ...args], build);
  vi.restoreAllMocks();
  return { code, stdout, stderr, queries: fake.queries };
}

beforeEach(() => {
  chalk.level = 0;
});
afterEach(() => {
  process.exitCode = undefined;
  removeProjectFixtures();
});

describe("gini red", () => {
  it("prints a plain table per service and busy operation when stdout is not a terminal", async () => {
    const { code, stdout } = await gini({ rows: ROWS }, "red");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^RED metrics, last 1m, server spans, http:\/\/localhost:9090 at /);
    expect(lines.slice(1)).toEqual([
      "SERVICE / OPERATION   REQ/S  ERRORS    P50    P95    P99",
      "gini-api               10.0   15.0%  140ms  380ms  470ms",
      "  GET /api/items       4.00    0.0%  4.0ms  9.0ms   20ms",
      "  POST /api/generate   6.00   25.0%  140ms  380ms  470ms",
    ]);
  });

  it("shows control characters in service and operation names escaped; --json keeps them", async () => {
    const rows = [{ ...ROWS[0]!, service: "api\u001b]0;x\u0007", operation: "GET /\u001b[2J" }];
    const { stdout } = await gini({ rows }, "red");
    expect(stdout).not.toContain("\u001b");
    expect(stdout).toContain("api\\x1b]0;x\\x07");
    expect(stdout).toContain("  GET /\\x1b[2J");
    const json = await gini({ rows }, "red", "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({
      services: [{ name: "api\u001b]0;x\u0007", operations: [{ name: "GET /\u001b[2J" }] }],
    });
  });

  it("--json prints the stable document", async () => {
    const { code, stdout } = await gini({ rows: ROWS }, "red", "--json", "--window", "30s");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      "prometheus",
      "at",
      "windowSeconds",
      "spanKind",
      "service",
      "operation",
      "historySeconds",
      "historyStepSeconds",
      "services",
      "noData",
    ]);
    expect(doc).toMatchObject({
      windowSeconds: 30,
      services: [{ name: "gini-api", requests: 300 }],
    });
  });

  it("says why there is no data instead of printing zeros", async () => {
    const { code, stdout } = await gini({ rows: [] }, "red");
    expect(code).toBe(0);
    expect(stdout).toContain("no data: no span metrics: the collector has received no spans\n");
    expect(stdout).toContain("hint: send requests to your app (`gini traffic` for the demo)");
  });

  it("refuses a span kind it does not know, and --span-kind all drops the filter", async () => {
    expect((await gini({ rows: ROWS }, "red", "--span-kind", "sever")).code).toBe(2);
    const { queries } = await gini({ rows: ROWS }, "red", "--span-kind", "all");
    expect(queries.some((q) => q.includes("span_kind"))).toBe(false);
  });

  it("fails in one line with a hint when Prometheus does not answer", async () => {
    const { code, stdout, stderr } = await gini({ down: true }, "red");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "error: prometheus does not answer at http://localhost:9090 (connection refused)\n" +
        "hint: start the stack with `gini up` (`gini status` shows what runs)\n",
    );
  });
});

describe("gini check", () => {
  it("exit 0 within a generous budget", async () => {
    const { code, stdout } = await gini(
      { rows: ROWS },
      "check",
      "--p95",
      "2s",
      "--error-rate",
      "50%",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("✔ gini-api  600 requests  p95 380ms ≤ 2s  error rate 15.0% ≤ 50%\n");
    expect(stdout).toContain("✔ within budget: gini-api\n");
  });

  it("exit 1 over a tight budget, naming the offender, its figures and the budgets", async () => {
    const { code, stdout } = await gini(
      { rows: ROWS },
      "check",
      "--p95",
      "300ms",
      "--error-rate",
      "1%",
    );
    expect(code).toBe(1);
    expect(stdout).toContain(
      "✖ over budget: gini-api: p95 380ms over the 300ms budget, error rate 15.0% over the 1% budget\n",
    );
  });

  it("exit 3 with too few requests to judge, and --json gives the verdict as a document", async () => {
    const { code, stdout } = await gini(
      { rows: ROWS },
      "check",
      "--p95",
      "2s",
      "--min-requests",
      "1000",
      "--json",
    );
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toMatchObject({
      verdict: "cannot-judge",
      exitCode: 3,
      results: [{ service: "gini-api", verdict: "cannot-judge", requests: 600 }],
    });
  });

  it("exit 2 without a budget, or with a latency that has no unit", async () => {
    const none = await gini({ rows: ROWS }, "check");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("error: gini check: no budget to check");
    const bare = await gini({ rows: ROWS }, "check", "--p95", "300");
    expect(bare.stderr).toContain(
      'error: --p95: "300" is not a latency\nhint: give it with a unit, e.g. --p95 300ms',
    );
    expect((await gini({ rows: ROWS }, "check", "--error-rate", "lots")).code).toBe(2);
    expect((await gini({ rows: ROWS }, "check", "--p95", "1s", "--min-requests", "0")).code).toBe(
      2,
    );
  });

  it("documents its exit codes and the default minimum in --help", async () => {
    const { stdout } = await gini({}, "check", "--help");
    expect(stdout).toContain("3 too few requests in the window to judge");
    expect(stdout).toContain(`(default ${DEFAULT_MIN_REQUESTS})`);
  });
});

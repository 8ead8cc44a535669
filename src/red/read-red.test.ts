import { readFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { fixtureProject, removeProjectFixtures, ROOT } from "../config/project.fake.js";
import { fakePrometheus, type FakeRow, NOW_MS } from "./red.fake.js";
import { redSource } from "./source.js";

afterEach(removeProjectFixtures);

const ROWS: FakeRow[] = [
  {
    service: "gini-api",
    operation: "POST /api/generate",
    rate: 6,
    errorRatio: 0.25,
    p50: 140,
    p95: 380,
    p99: 470,
    history: [
      [0, 1],
      [15, 2],
      [300, 6],
    ],
  },
  { service: "gini-api", operation: "GET /api/items", rate: 4, p50: 4, p95: 9, p99: 20 },
  { service: "gini-ui", operation: "GET /", rate: 0 },
];

const options = { spanKind: "server", windowSeconds: 60, operations: true, history: true } as const;

async function read(rows: FakeRow[], project = fixtureProject()) {
  const fake = fakePrometheus({ rows });
  const report = await (await redSource(project, "localhost", fake.deps)).read(options);
  return { report, fake };
}

describe("gini red's report", () => {
  it("has a row per service and, under it, per operation, sorted by name", async () => {
    const { report } = await read(ROWS);
    expect(report.services.map((s) => [s.name, s.operations.map((o) => o.name)])).toEqual([
      ["gini-api", ["GET /api/items", "POST /api/generate"]],
      ["gini-ui", ["GET /"]],
    ]);
    expect(report).toMatchObject({
      prometheus: "http://localhost:9090",
      at: new Date(NOW_MS).toISOString(),
      windowSeconds: 60,
      spanKind: "server",
      service: null,
      operation: null,
      noData: null,
    });
  });

  it("reports rate, requests in the window, error percent and latencies", async () => {
    const api = (await read(ROWS)).report.services[0]!;
    expect(api).toMatchObject({
      requestsPerSecond: 10,
      requests: 600,
      errorPercent: 15,
      latencyMs: { p50: 140, p95: 380, p99: 470 },
    });
    // No error series for an operation that has requests: 0 %, as the Monitor tab shows it.
    expect(api.operations[0]).toMatchObject({ name: "GET /api/items", errorPercent: 0 });
  });

  it("gives null, not zeros, for a row without requests in the window", async () => {
    const ui = (await read(ROWS)).report.services[1]!;
    expect(ui).toMatchObject({
      requestsPerSecond: 0,
      requests: 0,
      errorPercent: null,
      latencyMs: { p50: null, p95: null, p99: null },
    });
  });

  it("lays the history out on the 15 s steps of the last 5 minutes, with gaps as null", async () => {
    const op = (await read(ROWS)).report.services[0]!.operations[1]!;
    expect(op.history).toHaveLength(21);
    expect(op.history.slice(0, 3)).toEqual([1, 2, null]);
    expect(op.history[20]).toBe(6);
  });

  it("converts latencies to milliseconds when the histogram is in seconds", async () => {
    const config = readFileSync(join(ROOT, "config-spm.yaml"), "utf8").replace(
      "unit: ms",
      "unit: s",
    );
    const project = fixtureProject({ files: { "config-spm.yaml": config } });
    const rows = [{ service: "s", operation: "op", rate: 1, p50: 0.25, p95: 0.5, p99: 1.5 }];
    const { report, fake } = await read(rows, project);
    expect(report.services[0]!.latencyMs).toEqual({ p50: 250, p95: 500, p99: 1500 });
    expect(fake.queries.some((q) => q.includes("duration_seconds_bucket"))).toBe(true);
  });

  it("asks Prometheus everything at one instant, per service and per operation", async () => {
    const { fake } = await read(ROWS);
    const times = new Set(fake.urls.map((u) => new URL(u).searchParams.get("time") ?? "range"));
    expect(times).toEqual(new Set([String(NOW_MS / 1000), "range"]));
    // Rate, error ratio, three quantiles and the history, for each grouping.
    const perOperation = fake.queries.filter((q) => q.includes("by (service_name, span_name"));
    expect(perOperation).toHaveLength(6);
    expect(fake.queries).toHaveLength(12);
  });
});

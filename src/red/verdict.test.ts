import { afterEach, describe, expect, it } from "vitest";

import type { SloConfig } from "../config/index.js";
import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import type { BudgetFlags } from "./budgets.js";
import { budgetFor } from "./budgets.js";
import type { RedSelection } from "./promql.js";
import { fakePrometheus, type FakeRow } from "./red.fake.js";
import { redSource } from "./source.js";

afterEach(removeProjectFixtures);

const API: FakeRow = {
  service: "gini-api",
  operation: "POST /api/generate",
  rate: 5, // 300 requests a minute
  errorRatio: 0.15,
  p50: 60,
  p95: 280,
  p99: 450,
};
const UI: FakeRow = { service: "gini-ui", operation: "GET /", rate: 1, p50: 5, p95: 9, p99: 12 };

async function check(
  flags: BudgetFlags,
  {
    rows = [API, UI],
    slo = {},
    sel = {},
  }: { rows?: FakeRow[]; slo?: Record<string, SloConfig>; sel?: Partial<RedSelection> } = {},
) {
  const fake = fakePrometheus({
    rows,
    targets: [{ instance: "otel-collector:8889", health: "up" }],
  });
  const source = await redSource(fixtureProject({ data: { slo } }), "localhost", fake.deps);
  return source.check({ spanKind: "server", windowSeconds: 60, ...sel }, flags);
}

describe("gini check's verdict", () => {
  it("passes (exit 0) when every service is within a generous budget", async () => {
    const report = await check({ p95Ms: 2000, errorPercent: 50 });
    expect(report).toMatchObject({ verdict: "pass", ok: true, exitCode: 0 });
    expect(report.results.map((r) => [r.service, r.verdict, r.requests])).toEqual([
      ["gini-api", "pass", 300],
      ["gini-ui", "pass", 60],
    ]);
  });

  it("fails (exit 1) naming the offender with each figure over its budget", async () => {
    const report = await check({ p95Ms: 300, errorPercent: 1 });
    expect(report).toMatchObject({ verdict: "fail", ok: false, exitCode: 1 });
    const api = report.results[0]!;
    expect(api).toMatchObject({
      service: "gini-api",
      verdict: "fail",
      measured: { p95Ms: 280, errorPercent: 15 },
      budget: { p95Ms: 300, p99Ms: null, errorPercent: 1, minRequests: 10 },
    });
    expect(api.violations).toEqual([{ budget: "error_rate", measured: 15, limit: 1, unit: "%" }]);
    expect(report.results[1]!.verdict).toBe("pass");
  });

  it("cannot judge (exit 3) too few requests, unless another row fails", async () => {
    const few = await check({ p95Ms: 2000, minRequests: 100 });
    expect(few).toMatchObject({ verdict: "cannot-judge", exitCode: 3 });
    expect(few.results[1]).toMatchObject({
      service: "gini-ui",
      verdict: "cannot-judge",
      reason: "60 requests in the window, fewer than the 100 needed to judge",
    });
    const failing = await check({ p95Ms: 10, minRequests: 100 });
    expect(failing.exitCode).toBe(1);
  });

  it("cannot judge a service it has no data for: --service, or one gini.yaml budgets", async () => {
    const named = await check({ p95Ms: 300 }, { sel: { service: "billing" }, rows: [] });
    expect(named.results).toMatchObject([
      { service: "billing", requests: 0, verdict: "cannot-judge" },
    ]);
    expect(named.noData?.reason).toBe("no-spans");
    const slo = { billing: { p95: "300ms" } };
    const budgeted = await check({}, { slo });
    expect(budgeted.results.map((r) => [r.service, r.verdict])).toEqual([
      ["gini-api", "no-budget"],
      ["gini-ui", "no-budget"],
      ["billing", "cannot-judge"],
    ]);
    expect(budgeted.exitCode).toBe(3);
  });

  it("judges one operation per service with --operation", async () => {
    const report = await check(
      { p99Ms: 400 },
      { sel: { operation: "POST /api/generate" }, rows: [API, { ...API, operation: "GET /" }] },
    );
    expect(report.results.map((r) => [r.service, r.operation, r.verdict])).toEqual([
      ["gini-api", "GET /", "fail"],
      ["gini-api", "POST /api/generate", "fail"],
    ]);
    expect(report.operation).toBe("POST /api/generate");
  });
});

describe("budgets", () => {
  const slo: Record<string, SloConfig> = {
    "*": { p95: "500ms", error_rate: "2%", min_requests: 5 },
    "gini-api": { p95: "1.5s", p99: "2s" },
  };

  it('flags win over the service\'s own slo entry, which wins over "*"', () => {
    expect(budgetFor("gini-api", slo, { errorPercent: 1 })).toEqual({
      p95Ms: 1500,
      p99Ms: 2000,
      errorPercent: 1,
      minRequests: 5,
    });
    expect(budgetFor("other", slo, {})).toEqual({ p95Ms: 500, errorPercent: 2, minRequests: 5 });
    expect(budgetFor("other", {}, {})).toEqual({ minRequests: 10 });
  });

  it("gini.yaml's budgets alone make a check", async () => {
    const report = await check({}, { slo: { "gini-api": { error_rate: "20%" } } });
    expect(report.results.map((r) => [r.service, r.verdict])).toEqual([
      ["gini-api", "pass"],
      ["gini-ui", "no-budget"],
    ]);
    expect(report.exitCode).toBe(0);
  });
});

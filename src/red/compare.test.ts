import { describe, expect, it } from "vitest";

import type { Baseline } from "./baseline.js";
import { judgeBaseline } from "./baseline-verdict.js";
import { compare } from "./compare.js";
import { DEFAULT_RELATIVE_LIMITS } from "./method.js";
import type { OperationWindow, RedWindow } from "./red-window.js";

const BOUNDS = [5, 10, 25, 50, 100, 250];

function op(operation: string, requests: number, counts: number[], p95: number, errors = 0) {
  return {
    service: "api",
    operation,
    requestsPerSecond: requests / 60,
    requests,
    errorPercent: requests ? (errors / requests) * 100 : null,
    latencyMs: { p50: p95 / 2, p95, p99: p95 * 1.2 },
    errors,
    histogram: { boundsMs: BOUNDS, counts },
  } satisfies OperationWindow;
}

function window(operations: OperationWindow[]): RedWindow {
  return {
    range: { start: "2026-12-03T10:00:00Z", end: "2026-12-03T10:01:00Z", windowSeconds: 60 },
    selection: { spanKind: "server", service: null, operation: null },
    metrics: { calls: "calls", duration: "duration", unit: "ms" },
    operations,
    noData: null,
  };
}

const baseline = (operations: OperationWindow[]): Baseline => ({
  ...window(operations),
  name: "before",
  savedAt: "2026-12-03T10:01:00Z",
  gini: "0.0.0",
});

const FAST = [500, 450, 50, 0, 0, 0, 0];
const SLOW = [0, 50, 400, 500, 50, 0, 0];

describe("compare", () => {
  it("marks a slowdown the histograms support as significant, with its change", () => {
    const report = compare(
      baseline([op("GET /items", 1000, FAST, 9)]),
      window([op("GET /items", 1000, SLOW, 60)]),
      10,
    );
    const [items] = report.operations;
    expect(items!.status).toBe("compared");
    expect(items!.latencyMs.p95).toMatchObject({ before: 9, after: 60, ms: 51, significant: true });
    expect(items!.latencyMs.p95.percent).toBeCloseTo(566.7, 1);
    expect(report.significant).toBe(true);
    // The p95 now lies in (25, 50]: the slowest 5 % took more than 25 ms.
    expect(items!.slowestFromMs).toBe(25);
  });

  it("does not call a change significant below the minimum relevant change, however many requests", () => {
    // 5 % slower at p95 with the shares moved a lot: the test passes, the change is too small.
    const report = compare(
      baseline([op("GET /items", 100000, [50000, 45000, 5000, 0, 0, 0, 0], 10)]),
      window([op("GET /items", 100000, [45000, 45000, 10000, 0, 0, 0, 0], 10.5)]),
      10,
    );
    const p95 = report.operations[0]!.latencyMs.p95;
    expect(p95.test!.p).toBeLessThan(0.001);
    expect(p95.significant).toBe(false);
  });

  it("lists new, vanished and thin operations without a verdict, and leaves out idle ones", () => {
    const report = compare(
      baseline([
        op(
          "GET /old",
          100,
          FAST.map((c) => c / 10),
          9,
        ),
        op("GET /few", 5, [5, 0, 0, 0, 0, 0, 0], 4),
        op("GET /idle", 0, [0, 0, 0, 0, 0, 0, 0], 0),
      ]),
      window([
        op(
          "GET /new",
          100,
          FAST.map((c) => c / 10),
          9,
        ),
        op("GET /few", 500, FAST, 9),
        op("GET /idle", 0, [0, 0, 0, 0, 0, 0, 0], 0),
      ]),
      10,
    );
    expect(report.operations.map((o) => [o.operation, o.status])).toEqual([
      ["GET /few", "too-few-requests"],
      ["GET /new", "new"],
      ["GET /old", "vanished"],
    ]);
    expect(report.operations.every((o) => !o.significant && o.latencyMs.p95.test === null)).toBe(
      true,
    );
  });

  it("tests errors with a two-proportion test", () => {
    const report = compare(
      baseline([op("POST /pay", 1000, FAST, 9, 10)]),
      window([op("POST /pay", 1000, FAST, 9, 80)]),
      10,
    );
    expect(report.operations[0]!.errorPercent).toMatchObject({
      before: 1,
      after: 8,
      points: 7,
      significant: true,
    });
  });
});

describe("judgeBaseline", () => {
  it("fails a significant regression over the limit, passes the rest, and judges no new operation", () => {
    const report = compare(
      baseline([op("GET /items", 1000, FAST, 9), op("GET /same", 1000, FAST, 9)]),
      window([
        op("GET /items", 1000, SLOW, 60),
        op("GET /same", 1000, FAST, 9),
        op("GET /new", 50, FAST, 9),
      ]),
      10,
    );
    const check = judgeBaseline(report, DEFAULT_RELATIVE_LIMITS);
    expect(check.verdict).toBe("fail");
    expect(check.results.map((r) => [r.operation, r.verdict])).toEqual([
      ["GET /items", "fail"],
      ["GET /new", "not-judged"],
      ["GET /same", "pass"],
    ]);
    expect(check.results[0]!.regressions[0]).toMatchObject({
      limit: "p95-increase",
      before: 9,
      after: 60,
      max: 20,
    });
    const lenient = judgeBaseline(report, { ...DEFAULT_RELATIVE_LIMITS, p95IncreasePercent: 1000 });
    expect(lenient.verdict).toBe("pass");
  });

  it("cannot judge an operation of the baseline that has too few requests now", () => {
    const report = compare(
      baseline([op("GET /items", 1000, FAST, 9)]),
      window([op("GET /items", 3, [3, 0, 0, 0, 0, 0, 0], 4)]),
      10,
    );
    expect(judgeBaseline(report, DEFAULT_RELATIVE_LIMITS)).toMatchObject({
      verdict: "cannot-judge",
      minRequests: 10,
    });
  });

  it("cannot judge a limit it cannot test: the histograms share no bucket bound", () => {
    const now = {
      ...op("GET /items", 1000, [0, 0, 1000], 900),
      histogram: { boundsMs: [7, 30], counts: [0, 0, 1000] },
    };
    const report = compare(baseline([op("GET /items", 1000, FAST, 9)]), window([now]), 10);
    const check = judgeBaseline(report, DEFAULT_RELATIVE_LIMITS);
    expect(check.verdict).toBe("cannot-judge");
    expect(check.results[0]!.reason).toMatch(/^no p95 test: the histograms share no bucket bound/);
  });

  it("does not fail a limit below the minimum relevant change that --compare uses", () => {
    const report = compare(
      baseline([op("GET /items", 100000, [50000, 45000, 5000, 0, 0, 0, 0], 10)]),
      window([op("GET /items", 100000, [45000, 45000, 10000, 0, 0, 0, 0], 10.6)]),
      10,
    );
    const check = judgeBaseline(report, { ...DEFAULT_RELATIVE_LIMITS, p95IncreasePercent: 5 });
    expect(check.verdict).toBe("pass");
  });
});

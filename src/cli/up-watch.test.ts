import { describe, expect, it } from "vitest";

import type { CompareReport, LatencyChange, OperationComparison } from "../red/index.js";
import { configureColor } from "./output.js";
import { beforeAfterLines } from "./up-watch.js";

configureColor(false);

const same = (ms: number): LatencyChange => ({
  before: ms,
  after: ms,
  ms: 0,
  percent: 0,
  test: null,
  significant: false,
});

function op(
  operation: string,
  before: number,
  after: number,
  p95?: LatencyChange,
): OperationComparison {
  const enough = before >= 10 && after >= 10;
  return {
    service: "gini-api",
    operation,
    status: enough ? "compared" : "too-few-requests",
    requests: { before, after },
    requestsPerSecond: { before: 1, after: 1, percent: 0 },
    errorPercent: { before: 0, after: 0, points: 0, test: null, significant: false },
    latencyMs: { p50: same(5), p95: p95 ?? same(17), p99: same(23) },
    significant: p95?.significant ?? false,
    slowestFromMs: 10,
  };
}

const report = (operations: OperationComparison[]) =>
  ({
    method: { alpha: 0.001, minLatencyChangePercent: 10, minRequests: 10 },
    operations,
  }) as CompareReport;

describe("what up --watch prints once a restarted app has served enough", () => {
  it("one line per operation that changed significantly, with its error rate", () => {
    const slower = { before: 17, after: 98, ms: 81, percent: 476.5, test: null, significant: true };
    expect(
      beforeAfterLines(
        "api",
        report([op("GET /api/items", 220, 60, slower), op("GET /health", 30, 30)]),
      ),
    ).toEqual(["api: gini-api GET /api/items: p95 17ms → 98ms (+477 %), errors 0.0% → 0.0%"]);
  });

  it("says so when nothing changed, and how much it compared", () => {
    expect(
      beforeAfterLines("api", report([op("GET /api/items", 220, 60), op("GET /", 3, 1)])),
    ).toEqual(["api: no significant change in 1 operation (220 requests before, 60 after)"]);
  });

  it("says what was missing when it could not compare", () => {
    expect(beforeAfterLines("api", report([op("GET /api/items", 8, 2)]))).toEqual([
      "api: too few requests to compare before and after (10 a side needed; GET /api/items 8 → 2)",
    ]);
    expect(beforeAfterLines("api", { tooShort: "before" })).toEqual([
      "api: ran too briefly before the change for a before/after",
    ]);
  });
});

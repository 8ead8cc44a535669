import { describe, expect, it } from "vitest";

import type { ConfigFacts } from "../config/index.js";
import { histograms, quantileFloorMs } from "./red-window.js";

const facts = (unit: string) =>
  ({
    names: { unit, labels: { service: "service_name", operation: "span_name" } },
  }) as unknown as ConfigFacts;

const bucket = (le: string, value: number) => ({
  labels: { service_name: "api", span_name: "GET /items", le },
  value,
});

describe("histograms", () => {
  it("turns Prometheus's cumulative bucket counts into counts per bucket, in ms", () => {
    const samples = [bucket("+Inf", 100.4), bucket("0.01", 90.2), bucket("0.005", 60)];
    expect(histograms(samples, facts("s")).get("api\u0000GET /items")).toEqual({
      boundsMs: [5, 10],
      counts: [60, 30, 10],
    });
  });

  it("never counts below zero where increase() extrapolated a bucket past the next", () => {
    const samples = [bucket("5", 10), bucket("10", 9.6), bucket("+Inf", 12)];
    expect(histograms(samples, facts("ms")).get("api\u0000GET /items")!.counts).toEqual([10, 0, 2]);
  });
});

describe("quantileFloorMs", () => {
  const h = (counts: number[]) => ({ boundsMs: [5, 10, 100], counts });

  it("is the lower bound of the quantile's bucket, where an interpolated p95 may overshoot", () => {
    // 96 of 100 requests in (10, 100]: p95 interpolates to ~97 ms, yet none may be that slow.
    expect(quantileFloorMs(h([0, 4, 96, 0]), 0.95)).toBe(10);
    expect(quantileFloorMs(h([0, 0, 0, 7]), 0.95)).toBe(100);
  });

  it("is 0 in the first bucket and null without requests", () => {
    expect(quantileFloorMs(h([100, 0, 0, 0]), 0.95)).toBe(0);
    expect(quantileFloorMs(h([0, 0, 0, 0]), 0.95)).toBeNull();
  });
});

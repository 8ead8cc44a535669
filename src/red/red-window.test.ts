import { describe, expect, it } from "vitest";

import type { ConfigFacts } from "../config/index.js";
import { histograms } from "./red-window.js";

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

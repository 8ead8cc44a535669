import { describe, expect, it } from "vitest";

import { sampleLatencyMs } from "./latency.js";

describe("sampleLatencyMs", () => {
  const shape = { median: 140, sigma: 0.55, min: 50, max: 400 };

  it("stays within bounds and centres on the median", () => {
    const samples = Array.from({ length: 5000 }, () => sampleLatencyMs(shape)).sort(
      (a, b) => a - b,
    );
    expect(samples[0]).toBeGreaterThanOrEqual(50);
    expect(samples.at(-1)).toBeLessThanOrEqual(400);
    expect(samples[2500]).toBeGreaterThan(120);
    expect(samples[2500]).toBeLessThan(160);
    // A right tail: p95 is well above the median.
    expect(samples[4750]! / samples[2500]!).toBeGreaterThan(1.8);
  });

  it("clamps extreme draws", () => {
    expect(sampleLatencyMs(shape, () => 0.999999)).toBe(400); // u near 0: huge normal sample
    expect(sampleLatencyMs({ ...shape, median: 1 }, () => 0.5)).toBe(50);
  });
});

import { describe, expect, it } from "vitest";

import { proportionTest, quantileTest } from "./significance.js";

const BOUNDS = [5, 10, 25, 50, 100, 250];

describe("proportionTest", () => {
  it("gives the textbook z and p of a two-proportion test", () => {
    // 10 % of 1000 vs 14 % of 1000: pooled 12 %, se 0.01453, z 2.752, p 0.0059.
    const t = proportionTest(100, 1000, 140, 1000);
    expect(t.before).toBe(0.1);
    expect(t.after).toBe(0.14);
    expect(t.z).toBeCloseTo(2.752, 2);
    expect(t.p).toBeCloseTo(0.0059, 3);
  });

  it("is p = 1 without variance (no errors on either side)", () => {
    expect(proportionTest(0, 500, 0, 500)).toEqual({ before: 0, after: 0, z: 0, p: 1 });
  });
});

describe("quantileTest", () => {
  it("splits at the bound where the baseline's share of slower requests is nearest 1 - q", () => {
    // 95 of 100 at or below 10 ms: the p95 split is at 10 ms.
    const before = { boundsMs: BOUNDS, counts: [50, 45, 5, 0, 0, 0, 0] };
    const after = { boundsMs: BOUNDS, counts: [10, 20, 30, 40, 0, 0, 0] };
    const t = quantileTest(before, after, 0.95)!;
    expect(t.boundMs).toBe(10);
    expect(t.before).toBeCloseTo(0.05);
    expect(t.after).toBeCloseTo(0.7);
    expect(t.p).toBeLessThan(1e-6);
  });

  it("sees a quantile fall as well as rise: the split lies between the two windows' quantiles", () => {
    // Uniform 50–100 ms, then a few ms: at the bound nearest the baseline's p95 (100 ms) no request
    // of either window is slower, so the split must come from between the two.
    const slow = { boundsMs: BOUNDS, counts: [0, 0, 0, 0, 150, 0, 0] };
    const fast = { boundsMs: BOUNDS, counts: [20, 30, 4, 0, 0, 0, 0] };
    for (const q of [0.5, 0.95, 0.99]) {
      const down = quantileTest(slow, fast, q)!;
      expect([q, down.boundMs]).toEqual([q, q === 0.5 ? 10 : 25]);
      expect(down.p).toBeLessThan(1e-6);
      expect(quantileTest(fast, slow, q)!.p).toBeLessThan(1e-6);
    }
  });

  it("finds no change between equal histograms", () => {
    const h = { boundsMs: BOUNDS, counts: [40, 30, 20, 10, 0, 0, 0] };
    expect(quantileTest(h, h, 0.5)!.p).toBe(1);
  });

  it("uses only the bounds both histograms have (buckets changed in between), or none", () => {
    const before = { boundsMs: [5, 10, 25], counts: [50, 30, 20, 0] };
    const after = { boundsMs: [10, 50], counts: [80, 20, 0] };
    expect(quantileTest(before, after, 0.5)!.boundMs).toBe(10);
    expect(quantileTest(before, { boundsMs: [7], counts: [1, 1] }, 0.5)).toBeNull();
    expect(quantileTest(before, { boundsMs: [5, 10, 25], counts: [0, 0, 0, 0] }, 0.5)).toBeNull();
  });
});

describe("proportionTest with few events", () => {
  it("uses Fisher's exact test: 0 of 1000 errors before, 1 of 10 now, is not significant", () => {
    const t = proportionTest(0, 1000, 1, 10);
    expect(t.p).toBeCloseTo(0.0099, 4);
  });

  it("still finds a large change in small samples", () => {
    expect(proportionTest(0, 20, 15, 20).p).toBeLessThan(0.001);
  });
});

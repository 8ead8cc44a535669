import { describe, expect, it } from "vitest";

import { DEFAULT_RELATIVE_LIMITS } from "../red/method.js";
import { parseRelativeFlags } from "./red-flags.js";

describe("parseRelativeFlags", () => {
  it("takes the defaults under the flags; increases may pass 100 %", () => {
    expect(parseRelativeFlags({ baseline: "b" }, DEFAULT_RELATIVE_LIMITS)).toEqual({
      name: "b",
      limits: { p95IncreasePercent: 20, p99IncreasePercent: undefined, errorIncreasePoints: 1 },
    });
    const flags = {
      baseline: "b",
      maxP95Increase: "150%",
      maxP99Increase: "40",
      maxErrorRateIncrease: "0.5pp",
    };
    expect(parseRelativeFlags(flags, DEFAULT_RELATIVE_LIMITS)!.limits).toEqual({
      p95IncreasePercent: 150,
      p99IncreasePercent: 40,
      errorIncreasePoints: 0.5,
    });
  });

  it("refuses what is not an increase, and a limit without a baseline (exit 2)", () => {
    expect(() =>
      parseRelativeFlags({ baseline: "b", maxP95Increase: "fast" }, DEFAULT_RELATIVE_LIMITS),
    ).toThrow(/--max-p95-increase: "fast" is not an increase/);
    expect(() => parseRelativeFlags({ maxP95Increase: "20%" }, DEFAULT_RELATIVE_LIMITS)).toThrow(
      expect.objectContaining({ exitCode: 2, message: "--max-*-increase needs --baseline NAME" }),
    );
    expect(parseRelativeFlags({}, DEFAULT_RELATIVE_LIMITS)).toBeUndefined();
  });
});

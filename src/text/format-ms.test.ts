import { describe, expect, it } from "vitest";

import { formatMs } from "./index.js";

describe("formatMs", () => {
  it("writes three significant figures at most, the unit attached, then seconds", () => {
    expect([0.421, 0.84, 4.2, 42.1, 279.4, 1240, 4214, 421_400].map(formatMs)).toEqual([
      "0.42ms",
      "0.84ms",
      "4.2ms",
      "42ms",
      "279ms",
      "1.24s",
      "4.21s",
      "421s",
    ]);
  });

  it("writes no figure as a dash", () => {
    expect(formatMs(null)).toBe("-");
  });
});

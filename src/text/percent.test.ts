import { describe, expect, it } from "vitest";

import { percentValue } from "./percent.js";

describe("percentValue", () => {
  it("reads 1%, 0.5% and bare numbers as percentages", () => {
    expect(percentValue("1%")).toBe(1);
    expect(percentValue("0.5%")).toBe(0.5);
    expect(percentValue("2")).toBe(2);
    expect(percentValue(1)).toBe(1);
    expect(percentValue("100%")).toBe(100);
  });

  it("refuses what is not a percentage from 0 to 100", () => {
    for (const bad of ["", "%", "abc", "-1%", "101%", "1%%", null, undefined, {}]) {
      expect(percentValue(bad)).toBeUndefined();
    }
  });
});

import { describe, expect, it } from "vitest";

import { formatBudget, formatPercent, formatRate, formatWindow, sparkline } from "./red-format.js";

describe("how gini red writes figures", () => {
  it("percentages and rates", () => {
    expect([15, 0.25, 0, null].map(formatPercent)).toEqual(["15.0%", "0.25%", "0.0%", "-"]);
    expect([0.05, 9.95, 12.34, 1234.5].map(formatRate)).toEqual(["0.05", "9.95", "12.3", "1235"]);
  });

  it("budgets and windows as the flags take them", () => {
    expect([formatBudget(300, "ms"), formatBudget(1500, "ms"), formatBudget(1, "%")]).toEqual([
      "300ms",
      "1.5s",
      "1%",
    ]);
    expect([60, 90, 5, 300].map(formatWindow)).toEqual(["1m", "1m30s", "5s", "5m"]);
  });

  it("sparklines scale from zero to the largest point, with gaps for missing ones", () => {
    expect(sparkline([0, 1, 2, 4, 8, null, 8])).toBe("▁▂▃▅█ █");
    expect(sparkline([0, 0])).toBe("▁▁");
    expect(sparkline([])).toBe("");
  });
});

import { describe, expect, it } from "vitest";

import { durationSeconds } from "./duration.js";

describe("durationSeconds", () => {
  it("reads Go and Prometheus durations", () => {
    expect(durationSeconds("5s")).toBe(5);
    expect(durationSeconds("1m30s")).toBe(90);
    expect(durationSeconds("500ms")).toBe(0.5);
    expect(durationSeconds("2w")).toBe(1209600);
    expect(durationSeconds("soon")).toBeUndefined();
  });

  it("rejects bare numbers, non-strings and units the caller does not allow", () => {
    expect(durationSeconds("15")).toBeUndefined();
    expect(durationSeconds(5)).toBeUndefined();
    expect(durationSeconds("1h30m", ["ms", "s", "m", "h", "d"])).toBe(5400);
    expect(durationSeconds("1w", ["ms", "s", "m", "h", "d"])).toBeUndefined();
  });
});

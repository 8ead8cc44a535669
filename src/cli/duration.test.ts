import { describe, expect, it } from "vitest";

import { parseDuration, parseSince } from "./duration.js";

describe("parseDuration", () => {
  it("reads units and combinations", () => {
    expect(parseDuration("90s", "--d")).toBe(90);
    expect(parseDuration("1h30m", "--d")).toBe(5400);
    expect(parseDuration("15", "--d")).toBe(15);
  });
  it("rejects garbage as a usage error", () => {
    expect(() => parseDuration("soon", "--duration")).toThrow(
      /--duration: "soon" is not a duration/,
    );
  });
});

describe("parseSince", () => {
  it("takes durations back from now, dates and timestamps", () => {
    const now = Date.parse("2026-01-01T00:10:00Z");
    expect(parseSince("10m", now)).toBe(Date.parse("2026-01-01T00:00:00Z") / 1000);
    expect(parseSince("2026-01-01T00:00:00Z", now)).toBe(1767225600);
    expect(parseSince("1767225600", now)).toBe(1767225600);
  });
});

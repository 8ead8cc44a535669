import { describe, expect, it } from "vitest";

import { reportFormat } from "./report-format.js";
import { traceSearch } from "./trace-links.js";

describe("reportFormat", () => {
  it("takes --format, with --json as its short form and text by default", () => {
    expect(reportFormat({}, ["text", "json"])).toBe("text");
    expect(reportFormat({ json: true }, ["text", "json"])).toBe("json");
    expect(reportFormat({ format: "junit" }, ["text", "junit"])).toBe("junit");
  });

  it("refuses a format the command does not print, or two at once (exit 2)", () => {
    expect(() => reportFormat({ format: "junit" }, ["text", "json", "markdown"])).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: '--format: "junit" is not one of text, json, markdown',
      }),
    );
    expect(() =>
      reportFormat({ format: "markdown", json: true }, ["text", "json", "markdown"]),
    ).toThrow(/--json and --format markdown ask for two formats/);
  });
});

describe("traceSearch", () => {
  const q = {
    service: "api",
    operation: "GET /items",
    end: "2026-12-03T10:01:00.000Z",
    windowSeconds: 60,
  };

  it("searches the window's traces of the operation taking at least the figure", () => {
    const url = new URL(traceSearch("http://localhost:16686/", q, { minMs: 97.6 }));
    expect(url.pathname).toBe("/search");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      service: "api",
      operation: "GET /items",
      start: String(Date.parse("2026-12-03T10:00:00Z") * 1000),
      end: String(Date.parse("2026-12-03T10:01:00Z") * 1000),
      lookback: "custom",
      limit: "20",
      minDuration: "97ms",
    });
  });

  it("or its failing traces, by the error tag", () => {
    const url = new URL(traceSearch("http://localhost:16686/", q, { errors: true }));
    expect(url.searchParams.get("tags")).toBe('{"error":"true"}');
  });
});

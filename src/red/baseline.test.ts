import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { tempFolder } from "../config/project.fake.js";
import {
  type Baseline,
  baselinePath,
  listBaselines,
  readBaseline,
  saveBaseline,
} from "./baseline.js";

const project = () => tempFolder("gini-baseline-");

const BASELINE: Baseline = {
  name: "before",
  savedAt: "2026-12-03T10:01:00.000Z",
  gini: "0.0.0",
  range: { start: "2026-12-03T10:00:00.000Z", end: "2026-12-03T10:01:00.000Z", windowSeconds: 60 },
  selection: { spanKind: "server", service: null, operation: null },
  metrics: {
    calls: "traces_span_metrics_calls_total",
    duration: "traces_span_metrics_duration_milliseconds",
    unit: "ms",
  },
  operations: [
    {
      service: "api",
      operation: "GET /items",
      requestsPerSecond: 2,
      requests: 120,
      errorPercent: 0,
      latencyMs: { p50: 4, p95: 9, p99: 12 },
      errors: 0,
      histogram: { boundsMs: [5, 10], counts: [70, 45, 5] },
    },
  ],
  noData: null,
};

describe("baselines", () => {
  it("saves one under .gini/baselines/ for the user only, reads it back and lists it", async () => {
    const dir = project();
    const file = await saveBaseline(dir, BASELINE);
    expect(file).toBe(join(dir, ".gini", "baselines", "before.json"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, ".gini", "baselines")).mode & 0o777).toBe(0o700);
    expect(await readBaseline(dir, "before")).toEqual(BASELINE);
    expect(await listBaselines(dir)).toEqual([{ name: "before", baseline: BASELINE }]);
  });

  it("says which file is missing, broken or not a baseline, in one line", async () => {
    const dir = project();
    await expect(readBaseline(dir, "nope")).rejects.toThrow(
      /^no baseline "nope": .*nope\.json does not exist$/,
    );
    mkdirSync(join(dir, ".gini", "baselines"), { recursive: true });
    writeFileSync(join(dir, ".gini", "baselines", "broken.json"), "{");
    await expect(readBaseline(dir, "broken")).rejects.toThrow(/broken\.json: not JSON/);
    writeFileSync(join(dir, ".gini", "baselines", "other.json"), JSON.stringify({ name: "other" }));
    await expect(readBaseline(dir, "other")).rejects.toThrow(
      /other\.json: not a gini baseline \(savedAt: /,
    );
    const listed = await listBaselines(dir);
    expect(listed.map((l) => [l.name, l.problem !== undefined])).toEqual([
      ["broken", true],
      ["other", true],
    ]);
  });

  it("refuses a name that is not a plain file name (usage, exit 2)", async () => {
    expect(() => baselinePath("/p", "../x")).toThrow(/is not a plain name/);
    expect(() => baselinePath("/p", "a/b")).toThrow(expect.objectContaining({ exitCode: 2 }));
    await expect(listBaselines(project())).resolves.toEqual([]);
  });
});

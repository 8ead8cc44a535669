import { readFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { readConfigFacts } from "./config-facts.js";
import { fixtureProject, removeProjectFixtures, ROOT } from "./project.fake.js";

afterEach(removeProjectFixtures);

const shipped = (file: string) => readFileSync(join(ROOT, file), "utf8");

describe("readConfigFacts", () => {
  it("reads the shipped configs: Jaeger's metric names, 1 s flushes, 1 s span-metrics scrapes", async () => {
    const { names, ...facts } = await readConfigFacts(fixtureProject());
    expect(names).toMatchObject({ calls: "traces_span_metrics_calls_total", unit: "ms" });
    expect(facts).toEqual({
      callsMetric: "traces_span_metrics_calls_total",
      durationMetric: "traces_span_metrics_duration_milliseconds",
      flushSeconds: 1,
      scrapeSeconds: 1,
      spanMetricsPort: 8889,
      scrapesSpanMetrics: true,
    });
  });

  it("names the metrics as validate does: the connector's ms default, or its histogram.unit", async () => {
    const withUnit = (unit: string) =>
      fixtureProject({
        files: { "config-spm.yaml": shipped("config-spm.yaml").replace("      unit: ms\n", unit) },
      });
    expect((await readConfigFacts(withUnit(""))).durationMetric).toBe(
      "traces_span_metrics_duration_milliseconds",
    );
    expect((await readConfigFacts(withUnit("      unit: s\n"))).durationMetric).toBe(
      "traces_span_metrics_duration_seconds",
    );
  });

  it("falls back to the defaults when the files are missing or broken", async () => {
    const project = fixtureProject({
      files: { "config-spm.yaml": "receivers: [\n", "prometheus.yml": "" },
    });
    expect(await readConfigFacts(project)).toMatchObject({
      callsMetric: "traces_span_metrics_calls_total",
      flushSeconds: 60,
      scrapeSeconds: 60,
      spanMetricsPort: 8889,
      scrapesSpanMetrics: false,
    });
  });
});

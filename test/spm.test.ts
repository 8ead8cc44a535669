import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { containersLabelled } from "./helpers/docker.js";
import { gini } from "./helpers/gini.js";
import { DoctorDoc } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";

/** GETs a Prometheus or Jaeger API document; `T` says the part of it that the test reads. */
const json = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;

/** Jaeger's answer to /api/metrics/{calls,errors,latencies}. */
interface MetricFamily {
  name?: string;
  metrics?: { metricPoints?: { gaugeValue?: { doubleValue?: number } }[] }[];
}

describe("SPM end to end: gini up with the demo apps, traffic, Jaeger's Monitor API", () => {
  const dir = projectFixture({ name: "gini-spm" });

  beforeAll(async () => {
    await gini(dir, ["down"]);
    const run = await gini(dir, ["up", "--detach"]);
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
  });
  afterAll(async () => {
    await gini(dir, ["down"]);
  });

  it("traffic becomes traces of both apps and RED metrics of gini-api, errors included", async () => {
    // Long enough for several 5 s scrapes: a rate needs a series seen increasing, and
    // a burst that ends before the error series' first scrape leaves it flat (rate 0).
    const traffic = await gini(dir, ["traffic", "--rps", "10", "--duration", "20s"]);
    expect(traffic.code).toBe(0);
    expect(traffic.stdout).toMatch(/[1-9]\d* failed/);

    const services = await eventually(
      () => json<{ services?: string[] }>("http://127.0.0.1:16686/api/v3/services"),
      (doc) => !!doc.services?.includes("gini-api") && !!doc.services?.includes("gini-ui"),
    );
    expect(services.services).toEqual(expect.arrayContaining(["gini-api", "gini-ui"]));

    // The Monitor tab's three queries, as the UI sends them.
    const monitor = (kind: string, extra = "") =>
      `http://127.0.0.1:16686/api/metrics/${kind}?service=gini-api&spanKind=server&lookback=300000&step=5000&ratePer=60000${extra}`;
    const points = (doc: MetricFamily): number[] =>
      (doc.metrics ?? []).flatMap((m) =>
        (m.metricPoints ?? []).map((p) => Number(p.gaugeValue?.doubleValue ?? NaN)),
      );
    const hasData = (doc: MetricFamily) => points(doc).some((v) => Number.isFinite(v) && v > 0);
    const calls = await eventually(() => json<MetricFamily>(monitor("calls")), hasData);
    expect(calls.name).toBe("service_call_rate");
    const errors = await eventually(() => json<MetricFamily>(monitor("errors")), hasData);
    expect(Math.max(...points(errors).filter(Number.isFinite))).toBeGreaterThan(0);
    const latencies = await eventually(
      () => json<MetricFamily>(monitor("latencies", "&quantile=0.95")),
      hasData,
    );
    expect(latencies.name).toBe("service_latencies");

    // Prometheus scrapes both collector targets.
    const targets = await json<{
      data: { activeTargets: { scrapeUrl: string; health: string }[] };
    }>("http://127.0.0.1:9090/api/v1/targets");
    const endpoints = targets.data.activeTargets.map((t) => [t.scrapeUrl, t.health]);
    expect(endpoints.sort()).toEqual([
      ["http://otel-collector:8888/metrics", "up"],
      ["http://otel-collector:8889/metrics", "up"],
    ]);
  });

  it("gini doctor passes every check on that stack", async () => {
    const report = await eventually(
      async () => DoctorDoc.parse(JSON.parse((await gini(dir, ["doctor", "--json"])).stdout)),
      (r) => r.checks.every((c) => c.status === "pass"),
    );
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("gini up refuses a config with a Jaeger-only component, naming file and line", async () => {
    const seedish = projectFixture({ name: "gini-spm" });
    const file = join(seedish, "config-spm.yaml");
    const seed = readFileSync(file, "utf8")
      .replace(
        /^ {2}otlp_grpc:\n {4}endpoint: jaeger:4317/m,
        "  jaeger_storage_exporter:\n    endpoint: jaeger:4317",
      )
      .replace(
        "exporters: [otlp_grpc, span_metrics]",
        "exporters: [jaeger_storage_exporter, span_metrics]",
      );
    writeFileSync(file, seed);
    const before = containersLabelled("gini.project=gini-spm");
    const run = await gini(seedish, ["up", "-d", "--no-apps"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: .*config-spm\.yaml:\d+:\d+: jaeger_storage_exporter exists only in Jaeger v2/m,
    );
    expect(containersLabelled("gini.project=gini-spm")).toEqual(before);
  });
});

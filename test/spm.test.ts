import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containersLabelled } from "./helpers/docker.js";
import { gini, makeProject } from "./helpers/gini.js";
import { eventually } from "./helpers/poll.js";
import { encodeRequest, exportGrpc, newSpan } from "./standins/otlp-client.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Prometheus and Jaeger API documents
const json = async (url: string): Promise<any> => (await fetch(url)).json();

describe("the shipped SPM configs on the stack", () => {
  const dir = makeProject("gini-spm");

  beforeAll(async () => {
    await gini(dir, ["down"]);
    const run = await gini(dir, ["up", "-d", "--no-apps"]);
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
  });
  afterAll(async () => {
    await gini(dir, ["down"]);
  });

  it("a span sent to localhost:4317 becomes a trace in Jaeger and RED metrics in Prometheus", async () => {
    const span = newSpan("checkout", "GET /cart", { durationMs: 120 });
    const sent = await exportGrpc("127.0.0.1:4317", encodeRequest(span));
    expect(sent.grpcStatus).toBe("0");

    const services = await eventually(
      () => json("http://127.0.0.1:16686/api/services"),
      (doc) => doc.data?.includes("checkout"),
    );
    expect(services.data).toContain("checkout");

    // The real Prometheus loaded prometheus.yml: both collector targets are scraped and up.
    const targets = await eventually(
      () => json("http://127.0.0.1:9090/api/v1/targets"),
      (doc) =>
        doc.data.activeTargets.length >= 2 &&
        doc.data.activeTargets.every((t: { health: string }) => t.health === "up"),
    );
    const endpoints = targets.data.activeTargets.map((t: { scrapeUrl: string; health: string }) => [
      t.scrapeUrl,
      t.health,
    ]);
    expect(endpoints).toEqual(
      expect.arrayContaining([
        ["http://otel-collector:8889/metrics", "up"],
        ["http://otel-collector:8888/metrics", "up"],
      ]),
    );

    const query = encodeURIComponent('traces_span_metrics_calls_total{service_name="checkout"}');
    const series = await eventually(
      () => json(`http://127.0.0.1:9090/api/v1/query?query=${query}`),
      (doc) => doc.data.result.length > 0,
    );
    expect(series.data.result[0].metric).toMatchObject({
      span_name: "GET /cart",
      span_kind: "SPAN_KIND_SERVER",
    });

    // Jaeger's Monitor tab API reads the same series back from Prometheus.
    const calls = await eventually(
      () => json("http://127.0.0.1:16686/api/metrics/calls?service=checkout&lookback=300000"),
      (doc) => JSON.stringify(doc).includes("checkout"),
    );
    expect(JSON.stringify(calls)).toContain("checkout");
  });

  it("gini up refuses a config with a Jaeger-only component, naming file and line", async () => {
    const seedish = makeProject("gini-spm");
    const file = join(seedish, "config-spm.yaml");
    const seed = readFileSync(file, "utf8")
      .replace(
        /^ {2}otlp:\n {4}endpoint: jaeger:4317/m,
        "  jaeger_storage_exporter:\n    endpoint: jaeger:4317",
      )
      .replace(
        "exporters: [otlp, spanmetrics]",
        "exporters: [jaeger_storage_exporter, spanmetrics]",
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

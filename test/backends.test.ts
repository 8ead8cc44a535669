// The real collector, Jaeger and Prometheus (the test images: real binaries built from their Go
// modules) with gini's shipped configs, wired like gini's stack on a private network with random
// host ports. These are the facts gini's validate and doctor rely on: metric names, labels,
// self-metric names, log lines and API shapes.
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ROOT } from "./helpers/gini.js";
import { encodeRequest, exportGrpc, jsonRequest, newSpan } from "./helpers/otlp-client.js";
import { docker, getJson, getText, TestNetwork, waitFor } from "./helpers/test-network.js";

const SERVICE = `backends-test-${process.pid}`;

interface PromResult {
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

describe("the real backends with gini's shipped configs", () => {
  const images = inject("images");
  const net = new TestNetwork();
  let collector: Record<number, string>;
  let jaeger: Record<number, string>;
  let prometheus: Record<number, string>;
  const grpcSpan = newSpan(SERVICE, "GET /grpc");
  const httpSpan = newSpan(SERVICE, "POST /json", { kind: 3, statusCode: 2 });

  beforeAll(async () => {
    await net.create();
    jaeger = await net.start({
      service: "jaeger",
      image: images.jaeger,
      mounts: { [join(ROOT, "config-jaeger.yaml")]: "/etc/jaeger/config.yaml" },
      args: ["--config=/etc/jaeger/config.yaml"],
      ports: [16686],
    });
    collector = await net.start({
      service: "otel-collector",
      image: images.collector,
      mounts: { [join(ROOT, "config-spm.yaml")]: "/etc/otel-collector-config.yaml" },
      args: ["--config=/etc/otel-collector-config.yaml"],
      ports: [4317, 4318, 8888, 8889, 13133],
    });
    prometheus = await net.start({
      service: "prometheus",
      image: images.prometheus,
      mounts: { [join(ROOT, "prometheus.yml")]: "/etc/prometheus/prometheus.yml" },
      ports: [9090],
    });
    await waitFor(
      "collector health",
      async () => (await getText(`http://${collector[13133]}/`)).status === 200,
    );
    await waitFor("jaeger", async () => (await getText(`http://${jaeger[16686]}/`)).status === 200);
    await waitFor(
      "prometheus",
      async () => (await getText(`http://${prometheus[9090]}/-/ready`)).status === 200,
    );
  });

  afterAll(async () => {
    await net.destroy();
  });

  it("the collector loads config-spm.yaml without a warning or a deprecation notice", async () => {
    const logs = await net.logs("otel-collector");
    expect(logs).toContain("Everything is ready");
    expect(logs).not.toMatch(/\twarn\t|deprecat/i);
  });

  it("accepts OTLP over gRPC and over HTTP/JSON, and forwards both to Jaeger", async () => {
    expect(await exportGrpc(collector[4317]!, encodeRequest(grpcSpan))).toMatchObject({
      httpStatus: 200,
      grpcStatus: "0",
    });
    const http = await fetch(`http://${collector[4318]}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(jsonRequest(httpSpan)),
    });
    expect(http.status).toBe(200);
    const url = `http://${jaeger[16686]}`;
    await waitFor("service in Jaeger", async () =>
      (await getJson<{ services?: string[] }>(`${url}/api/v3/services`)).services?.includes(
        SERVICE,
      ),
    );
    const one = await waitFor("trace in Jaeger", async () => {
      const body = await getJson<{
        data: { spans: { operationName: string; duration: number }[] }[];
      }>(`${url}/api/traces/${grpcSpan.traceId}`).catch(() => undefined);
      return body?.data[0] && body;
    });
    expect(one.data[0]?.spans[0]).toMatchObject({ operationName: "GET /grpc", duration: 42_000 });
  });

  it("serves span metrics under the names Jaeger queries, and the self-metrics doctor reads", async () => {
    const metrics = await waitFor("span metrics", async () => {
      const { body } = await getText(`http://${collector[8889]}/metrics`);
      return body.includes(`service_name="${SERVICE}"`) && body;
    });
    expect(metrics).toMatch(/^traces_span_metrics_calls_total\{.*span_kind="SPAN_KIND_SERVER"/m);
    expect(metrics).toMatch(/^traces_span_metrics_duration_milliseconds_bucket\{.*le="50"\} 1$/m);
    const self = await waitFor("exporter sent spans", async () => {
      const { body } = await getText(`http://${collector[8888]}/metrics`);
      return /^otelcol_exporter_sent_spans\{exporter="otlp_grpc".* [1-9]/m.test(body) && body;
    });
    expect(self).toMatch(
      /^otelcol_receiver_accepted_spans\{receiver="otlp",transport="grpc"\} [1-9]/m,
    );
  });

  it("Prometheus scrapes both collector targets and Jaeger's Monitor API reads them back", async () => {
    const query = encodeURIComponent(`traces_span_metrics_calls_total{service_name="${SERVICE}"}`);
    const result = await waitFor("scraped span metrics", async () => {
      const body = await getJson<PromResult>(
        `http://${prometheus[9090]}/api/v1/query?query=${query}`,
      );
      return body.data.result.length >= 2 && body.data.result;
    });
    expect(result.map((r) => r.metric.span_name).sort()).toEqual(["GET /grpc", "POST /json"]);
    type Targets = { data: { activeTargets: { scrapeUrl: string; health: string }[] } };
    const targets = await waitFor("both targets scraped", async () => {
      const body = await getJson<Targets>(`http://${prometheus[9090]}/api/v1/targets`);
      return body.data.activeTargets.every((t) => t.health !== "unknown") && body;
    });
    expect(targets.data.activeTargets.map((t) => [t.scrapeUrl, t.health]).sort()).toEqual([
      ["http://otel-collector:8888/metrics", "up"],
      ["http://otel-collector:8889/metrics", "up"],
    ]);
    const url = `http://${jaeger[16686]}/api/metrics/calls?service=${SERVICE}&lookback=60000&step=1000&ratePer=60000`;
    const family = await waitFor("call rates", async () => {
      const body = await getJson<{ name: string; metrics: unknown[] }>(url);
      return body.metrics.length > 0 && body;
    });
    expect(family).toMatchObject({ name: "service_call_rate", type: "GAUGE" });
    expect(family.metrics[0]).toMatchObject({ labels: [{ name: "service_name", value: SERVICE }] });
  });

  it("the collector and Jaeger exit 0 on SIGTERM (a kill after the grace period would be 137)", async () => {
    const names = [net.containerName("otel-collector"), net.containerName("jaeger")];
    await docker("stop", "-t", "10", ...names);
    const codes = await docker("inspect", "--format", "{{.State.ExitCode}}", ...names);
    expect(codes.split("\n")).toEqual(["0", "0"]);
  });
});

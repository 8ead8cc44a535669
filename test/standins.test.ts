// Integration test of the test images themselves (test/standins, not the product): the collector
// and Jaeger stand-ins and the Debian Prometheus, wired like gini's stack on a private network.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { docker, dockerRun, getJson, getText, TestNetwork, waitFor } from "./standins/harness.js";
import { encodeRequest, exportGrpc, jsonRequest, newSpan } from "./standins/otlp-client.js";

const fixture = (name: string) =>
  fileURLToPath(new URL(`./standins/fixtures/${name}`, import.meta.url));
const SERVICE = `standin-test-${process.pid}`;
const realImages = process.env.GINI_TEST_REAL_IMAGES === "1";

interface SpanView {
  traceId: string;
  name: string;
  kind: string;
  serviceName: string;
  statusCode: string;
}
interface PromResult {
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

describe.skipIf(realImages)("test stand-in images", () => {
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
      mounts: { [fixture("config-jaeger.yaml")]: "/etc/jaeger/config.yaml" },
      args: ["--config=/etc/jaeger/config.yaml"],
      ports: [16686],
    });
    collector = await net.start({
      service: "otel-collector",
      image: images.collector,
      mounts: { [fixture("config-spm.yaml")]: "/etc/otel-collector-config.yaml" },
      args: ["--config=/etc/otel-collector-config.yaml"],
      ports: [4317, 4318, 8888, 8889, 13133],
    });
    prometheus = await net.start({
      service: "prometheus",
      image: images.prometheus,
      mounts: { [fixture("prometheus.yml")]: "/etc/prometheus/prometheus.yml" },
      ports: [9090],
    });
    await waitFor(
      "collector health",
      async () => (await getText(`http://${collector[13133]}/`)).status === 200,
    );
    await waitFor(
      "jaeger UI",
      async () => (await getText(`http://${jaeger[16686]}/`)).status === 200,
    );
    await waitFor(
      "prometheus",
      async () => (await getText(`http://${prometheus[9090]}/-/ready`)).status === 200,
    );
  });

  afterAll(async () => {
    await net.destroy();
  });

  it("reports health like the health_check extension", async () => {
    const health = await getJson<{ status: string }>(`http://${collector[13133]}/`);
    expect(health.status).toBe("Server available");
  });

  it("accepts OTLP over gRPC and over HTTP/JSON", async () => {
    const res = await exportGrpc(collector[4317]!, encodeRequest(grpcSpan));
    expect(res).toMatchObject({ httpStatus: 200, grpcStatus: "0" });
    const http = await fetch(`http://${collector[4318]}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(jsonRequest(httpSpan)),
    });
    expect(http.status).toBe(200);
    const spans = await getJson<SpanView[]>(`http://${collector[13133]}/standin/spans`);
    expect(spans).toContainEqual(
      expect.objectContaining({
        traceId: grpcSpan.traceId,
        name: "GET /grpc",
        kind: "SPAN_KIND_SERVER",
      }),
    );
    expect(spans).toContainEqual(
      expect.objectContaining({
        traceId: httpSpan.traceId,
        serviceName: SERVICE,
        statusCode: "STATUS_CODE_ERROR",
      }),
    );
  });

  it("forwards traces to Jaeger over OTLP/gRPC", async () => {
    const url = `http://${jaeger[16686]}`;
    await waitFor("service in Jaeger", async () =>
      (await getJson<{ data: string[] }>(`${url}/api/services`)).data.includes(SERVICE),
    );
    const traces = await getJson<{
      data: { traceID: string; spans: { operationName: string }[] }[];
    }>(`${url}/api/traces?service=${SERVICE}&limit=20`);
    expect(traces.data.map((t) => t.traceID)).toContain(grpcSpan.traceId);
    const one = await getJson<{ data: { spans: { operationName: string; duration: number }[] }[] }>(
      `${url}/api/traces/${grpcSpan.traceId}`,
    );
    expect(one.data[0]?.spans[0]).toMatchObject({ operationName: "GET /grpc", duration: 42_000 });
  });

  it("serves span metrics and self-metrics in Prometheus format", async () => {
    const metrics = await waitFor("span metrics", async () => {
      const { body } = await getText(`http://${collector[8889]}/metrics`);
      return body.includes(`service_name="${SERVICE}"`) && body;
    });
    expect(metrics).toMatch(/^traces_span_metrics_calls_total\{.*span_kind="SPAN_KIND_SERVER"/m);
    expect(metrics).toMatch(/^traces_span_metrics_duration_milliseconds_bucket\{.*le="100"\} 1$/m);
    const self = (await getText(`http://${collector[8888]}/metrics`)).body;
    expect(self).toMatch(
      /^otelcol_receiver_accepted_spans_total\{receiver="otlp",transport="grpc"/m,
    );
    await waitFor("exporter sent spans", async () =>
      /^otelcol_exporter_sent_spans_total\{exporter="otlp".* [1-9]/m.test(
        (await getText(`http://${collector[8888]}/metrics`)).body,
      ),
    );
  });

  it("is scraped by the real Prometheus", async () => {
    const query = encodeURIComponent(`traces_span_metrics_calls_total{service_name="${SERVICE}"}`);
    const result = await waitFor("scraped span metrics", async () => {
      const body = await getJson<PromResult>(
        `http://${prometheus[9090]}/api/v1/query?query=${query}`,
      );
      return body.data.result.length >= 2 && body.data.result;
    });
    expect(result.map((r) => r.metric.span_name).sort()).toEqual(["GET /grpc", "POST /json"]);
  });

  it("answers Jaeger's Monitor API from Prometheus", async () => {
    const url = `http://${jaeger[16686]}/api/metrics/calls?service=${SERVICE}&lookback=60000&step=1000&ratePer=60000`;
    const family = await waitFor("call rates", async () => {
      const body = await getJson<{ name: string; metrics: unknown[] }>(url);
      return body.metrics.length > 0 && body;
    });
    expect(family).toMatchObject({ name: "service_call_rate", type: "GAUGE" });
    expect(family.metrics[0]).toMatchObject({ labels: [{ name: "service_name", value: SERVICE }] });
    const minStep = await getJson<{ data: number }>(`http://${jaeger[16686]}/api/metrics/minstep`);
    expect(typeof minStep.data).toBe("number");
  });

  it("refuses Jaeger-only components like the contrib collector", async () => {
    const { code, output } = await dockerRun([
      "--rm",
      "-v",
      `${fixture("config-unknown-type.yaml")}:/etc/otel-collector-config.yaml:ro`,
      images.collector,
      "--config=/etc/otel-collector-config.yaml",
    ]);
    expect(code).toBe(1);
    expect(output).toContain('unknown type: "jaeger_storage_exporter"');
  });

  it("stops promptly on SIGTERM", async () => {
    const names = [net.containerName("otel-collector"), net.containerName("jaeger")];
    const started = Date.now();
    await docker("stop", "-t", "10", ...names);
    expect(Date.now() - started).toBeLessThan(5000);
    const codes = await docker("inspect", "--format", "{{.State.ExitCode}}", ...names);
    expect(codes.split("\n")).toEqual(["0", "0"]);
  });
});

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import type { AppFacts } from "../apps/index.js";
import { FakeDocker } from "../docker/docker.fake.js";
import { envCheck } from "./apps.js";
import { fakeDoctorDeps, fakeProject, runningStack } from "./doctor.fake.js";
import { runDoctor } from "./run.js";

const app = (env: Record<string, string>): AppFacts => ({
  name: "api",
  kind: "host",
  state: "running",
  pid: 7,
  envs: [env],
  service: "api",
  otlp: "grpc",
  recentLog: [],
});

async function doctorWith(
  change: (routes: ReturnType<typeof fakeDoctorDeps>) => void,
  logs: Record<string, string[]> = {},
) {
  const docker = new FakeDocker();
  runningStack(docker);
  const fake = fakeDoctorDeps(docker);
  change(fake);
  const project = fakeProject();
  mkdirSync(join(project.dir, ".gini", "logs"), { recursive: true });
  for (const [name, lines] of Object.entries(logs)) {
    writeFileSync(join(project.dir, ".gini", "logs", `${name}.log`), `${lines.join("\n")}\n`);
  }
  return (await runDoctor(project, fake.deps, { publishedHost: "localhost" })).checks;
}

/** Go otlptracehttp's line for OTLP/HTTP sent to the gRPC port, as it logged it here. */
const GO_HTTP_TO_GRPC = `traces export: Post "http://localhost:4317/v1/traces": net/http: HTTP/1.x transport connection broken: malformed HTTP response "\\x00\\x00\\x06\\x04\\x00"`;

describe("doctor checks", () => {
  it("shows a down span-metrics target with Prometheus's lastError", async () => {
    const checks = await doctorWith(({ routes }) =>
      routes.set(":9090/api/v1/targets", {
        status: 200,
        body: JSON.stringify({
          data: {
            activeTargets: [
              {
                labels: { instance: "otel-collector:8889", job: "spanmetrics" },
                health: "down",
                lastError: "server returned HTTP status 404 Not Found",
              },
            ],
          },
        }),
      }),
    );
    expect(checks[0]).toMatchObject({
      id: "prometheus.target",
      status: "fail",
      finding:
        "target otel-collector:8889 (job spanmetrics) is down: server returned HTTP status 404 Not Found",
    });
    expect(checks[0]!.fix).toContain("metrics_path");
  });

  it("warns how long to wait when spans arrived but no span metric exists yet", async () => {
    const checks = await doctorWith(({ routes }) =>
      routes.set(":9090/api/v1/label/__name__/values", { status: 200, body: '{"data":["up"]}' }),
    );
    const c = checks.find((x) => x.id === "span-metrics.calls")!;
    expect(c.status).toBe("warn");
    expect(c.fix).toContain(
      "wait about 2 s (span_metrics flushes every 1 s, Prometheus scrapes every 1 s)",
    );
  });

  it("fails on span metrics under another name than Jaeger queries", async () => {
    const checks = await doctorWith(({ routes }) =>
      routes.set(":9090/api/v1/label/__name__/values", {
        status: 200,
        body: '{"data":["span_metrics_calls_total"]}',
      }),
    );
    expect(checks[0]!.finding).toBe(
      "prometheus has span_metrics_calls_total but not traces_span_metrics_calls_total, the name Jaeger queries",
    );
  });

  it("reads Jaeger's `{}` (no traces yet) as no services, a warning", async () => {
    const checks = await doctorWith(({ routes }) =>
      routes.set(":16686/api/v3/services", { status: 200, body: "{}" }),
    );
    expect(checks.find((c) => c.id === "jaeger.services")).toMatchObject({
      status: "warn",
      finding: "no traces yet: /api/v3/services lists no service",
    });
  });

  it("fails when Jaeger's Monitor tab is not wired to a metrics backend", async () => {
    const checks = await doctorWith(({ routes }) =>
      routes.set(":16686/api/metrics/calls", {
        status: 501,
        body: '{"errors":[{"code":501,"msg":"metrics querying is currently disabled"}]}',
      }),
    );
    expect(checks[0]!.finding).toBe(
      "the Monitor tab is not wired to Prometheus: metrics querying is currently disabled",
    );
  });

  it("fails when Jaeger's Monitor tab cannot query Prometheus", async () => {
    const checks = await doctorWith(({ routes }) =>
      routes.set(":16686/api/metrics/calls", {
        status: 500,
        body: '{"errors":[{"code":500,"msg":"failed executing metrics query: dial tcp: lookup prometheus"}]}',
      }),
    );
    expect(checks[0]).toMatchObject({
      id: "jaeger.monitor",
      finding:
        "the Monitor tab cannot query Prometheus: failed executing metrics query: dial tcp: lookup prometheus",
    });
  });

  it("fails an app whose log shows OTLP/HTTP sent to the gRPC port, though its env is right", async () => {
    const start = "--- gini: 2026-01-01T00:00:00.000Z starting api: ./api";
    const checks = await doctorWith(() => {}, { api: [start, "listening", GO_HTTP_TO_GRPC] });
    const api = checks.find((c) => c.id === "app.api")!;
    expect(api.status).toBe("fail");
    expect(api.finding).toMatch(
      /^api exports OTLP\/HTTP to the gRPC port 4317 \(Go SDK\); its log: /,
    );
    expect(api.finding).toContain("malformed HTTP response");
    expect(api.fix).toBe("set `otlp: http` for it in gini.yaml, then run `gini up` again");
  });

  it("sees a multi-service app by the services its span metrics mark with gini_app", async () => {
    const series = [
      { metric: { gini_app: "api", service_name: "checkout" }, value: [0, "1"] },
      { metric: { gini_app: "api", service_name: "cart" }, value: [0, "1"] },
    ];
    const checks = await doctorWith(({ deps }) => {
      const http = deps.http;
      deps.http = async (url) =>
        decodeURIComponent(url).includes("count by (gini_app")
          ? { status: 200, body: JSON.stringify({ status: "success", data: { result: series } }) }
          : http(url);
    });
    expect(checks.find((c) => c.id === "app.api.seen")).toMatchObject({
      status: "pass",
      finding: "api sends cart, checkout (seen in the span metrics)",
    });
    // An app without the label falls back to its service name.
    expect(checks.find((c) => c.id === "app.ui.seen")).toMatchObject({
      status: "pass",
      finding: "gini-ui seen by Jaeger",
    });
  });

  it("reads only what the app wrote since it last started", async () => {
    const start = "--- gini: 2026-01-01T00:00:00.000Z starting api: ./api";
    const checks = await doctorWith(() => {}, { api: [GO_HTTP_TO_GRPC, start, "listening"] });
    expect(checks.find((c) => c.id === "app.api")!.status).toBe("pass");
  });

  it("fails an app that exited, and collector export failures with nothing sent", async () => {
    const checks = await doctorWith(({ apps, routes }) => {
      apps.set("ui", { state: "exited", pid: 9, envs: [] });
      routes.set(":8888/metrics", {
        status: 200,
        body: 'otelcol_receiver_accepted_spans{receiver="otlp"} 5\notelcol_exporter_send_failed_spans{exporter="otlp"} 5\n',
      });
    });
    const failed = checks.filter((c) => c.status === "fail").map((c) => c.id);
    expect(failed).toEqual(["collector.export.otlp", "app.ui"]);
  });

  it("checks an app's OTLP endpoint and protocol", () => {
    const unset = envCheck(app({}), false, "localhost");
    expect(unset.status).toBe("fail");
    expect(unset.finding).toContain("runs without OTEL_EXPORTER_OTLP_ENDPOINT");
    expect(envCheck(app({ OTEL_EXPORTER_OTLP_ENDPOINT: "" }), true, "localhost").status).toBe(
      "warn",
    );
    const mismatch = envCheck(
      app({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4317",
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
      }),
      true,
      "localhost",
    );
    expect(mismatch.finding).toBe(
      "api (pid 7) speaks http/protobuf to port 4317, which expects grpc",
    );
    expect(
      envCheck(app({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4317" }), true, "localhost")
        .status,
    ).toBe("warn");
    expect(
      envCheck(
        app({
          OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318",
          OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
        }),
        false,
        "localhost",
      ).finding,
    ).toContain("cannot reach from the host");
    expect(
      envCheck(
        app({
          OTEL_EXPORTER_OTLP_ENDPOINT: "localhost:4318",
          OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
        }),
        true,
        "localhost",
      ).status,
    ).toBe("pass");
  });

  it("takes every loopback address for a host app's endpoint, and names the published host", () => {
    const on = (host: string) =>
      envCheck(
        app({
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://${host}:4317`,
          OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
        }),
        true,
        "build-box.lan",
      );
    expect(["127.0.0.2", "127.0.0.1", "localhost", "[::1]"].map((h) => on(h).status)).toEqual([
      "pass",
      "pass",
      "pass",
      "pass",
    ]);
    const elsewhere = on("10.0.0.5");
    expect(elsewhere.status).toBe("fail");
    expect(elsewhere.fix).toBe("set OTEL_EXPORTER_OTLP_ENDPOINT=http://build-box.lan:4317");
  });
});

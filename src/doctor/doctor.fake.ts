import type { HostProcess } from "../apps/index.js";
import type { Project } from "../config/index.js";
import { fixtureProject } from "../config/project.fake.js";
import { FakeDocker } from "../docker/docker.fake.js";
import type { HttpResponse } from "../health/http-get.js";
import { LABEL_PROJECT, LABEL_SERVICE } from "../stack/labels.js";
import { NETWORK, SERVICES } from "../stack/services.js";
import type { DoctorDeps } from "./types.js";

/** A project folder holding copies of the shipped configs, and no gini.yaml (so: the demo apps). */
export function fakeProject(): Project {
  return fixtureProject({ name: "demo" });
}

/** Puts the three running stack containers into the fake engine, as `gini up` leaves them. */
export function runningStack(docker: FakeDocker, project = "demo"): void {
  docker.networks.set(NETWORK, {
    id: NETWORK,
    name: NETWORK,
    labels: { [LABEL_PROJECT]: project },
  });
  for (const s of SERVICES) {
    const ports = s.ports.map((p) => ({ container: p, hostIp: "127.0.0.1", host: p }));
    const spec = {
      name: s.name,
      image: s.defaultImage,
      labels: { [LABEL_PROJECT]: project, [LABEL_SERVICE]: s.name },
      ports,
      mounts: [],
      network: NETWORK,
      aliases: [s.name],
    };
    docker.containers.set(s.name, {
      id: s.name,
      name: s.name,
      image: s.defaultImage,
      imageId: "",
      state: "running",
      labels: spec.labels,
      ports,
      networks: [NETWORK],
      spec,
    });
  }
}

const json = (body: unknown): HttpResponse => ({ status: 200, body: JSON.stringify(body) });

/** Answers of a healthy stack with traffic from gini-api and gini-ui, by URL path (and port). */
function healthyRoutes(): Map<string, HttpResponse> {
  const services = ["gini-api", "gini-ui"];
  const series = services.map((s) => ({ metric: { service_name: s }, value: [0, "3"] }));
  return new Map([
    [":13133/", { status: 200, body: "{}" }],
    [
      ":8888/metrics",
      {
        status: 200,
        body: [
          // As collector 0.165 serves them: no _total suffix, the exporter's current name.
          "# TYPE otelcol_receiver_accepted_spans counter",
          'otelcol_receiver_accepted_spans{receiver="otlp",transport="grpc"} 42',
          'otelcol_exporter_sent_spans{exporter="otlp_grpc",server_address="jaeger",server_port="4317"} 42',
        ].join("\n"),
      },
    ],
    [":9090/-/ready", { status: 200, body: "Ready" }],
    [
      ":9090/api/v1/targets",
      json({
        data: {
          activeTargets: ["spanmetrics:8889", "otel-collector:8888"].map((t) => ({
            labels: { instance: `otel-collector:${t.split(":")[1]}`, job: t.split(":")[0] },
            health: "up",
            lastError: "",
          })),
        },
      }),
    ],
    [
      ":9090/api/v1/label/__name__/values",
      json({
        data: [
          "traces_span_metrics_calls_total",
          "traces_span_metrics_duration_milliseconds_bucket",
        ],
      }),
    ],
    [":9090/api/v1/query", json({ data: { result: series } })],
    [":16686/", { status: 200, body: "<html>" }],
    [":16686/api/v3/services", json({ services })],
    [":16686/api/metrics/calls", json({ metrics: [{ metricPoints: [{ gaugeValue: 1 }] }] })],
  ]);
}

const env = (service: string) => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4317",
  OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
  OTEL_SERVICE_NAME: service,
});

/** Fake deps: the fake engine, routes by `:port/path` (unknown: connection refused), running demo apps. */
export function fakeDoctorDeps(docker: FakeDocker, routes = healthyRoutes()) {
  const apps = new Map<string, HostProcess>([
    ["api", { state: "running", pid: 101, envs: [env("gini-api")] }],
    ["ui", { state: "running", pid: 102, envs: [env("gini-ui")] }],
  ]);
  const requested: string[] = [];
  const taken = new Map<number, { pid?: number; command?: string }>();
  const deps: DoctorDeps = {
    docker,
    http: async (url) => {
      requested.push(url);
      const u = new URL(url);
      return (
        routes.get(`:${u.port}${u.pathname}`) ?? {
          status: 0,
          body: "",
          error: "connection refused",
        }
      );
    },
    portFree: async (_host, port) => !taken.has(port),
    portOwner: async (port) => taken.get(port),
    hostApp: async (_project, name) => apps.get(name) ?? { state: "stopped", pid: null, envs: [] },
    now: () => 1_700_000_000_000,
  };
  return { deps, apps, requested, taken, routes };
}

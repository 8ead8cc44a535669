// Bring your own app: real programs this project did not write (test/setup/real-apps.ts), run by
// gini as a user's apps. Each is shown end to end: its spans in Jaeger under its service name and
// its RED figures in `gini red --json`; and `gini doctor` names the one whose protocol is wrong.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { freePort } from "./helpers/demo-process.js";
import { gini, projectDownAround } from "./helpers/gini.js";
import { isServerSpan, jaegerSpans } from "./helpers/jaeger.js";
import { DoctorDoc, RedDoc, StatusDoc } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";

/**
 * telemetrygen reads no OTEL_* variable: it hands the exporter an endpoint of its own (its flag,
 * else localhost:4317 or :4318) and builds its resource from flags only (not OTEL_SERVICE_NAME or
 * OTEL_RESOURCE_ATTRIBUTES). So the command passes on what gini injects, as a user's shell would.
 */
function telemetrygen(http: boolean): string {
  return [
    inject("realApps").telemetrygen,
    "traces",
    ...(http ? ["--otlp-http"] : []),
    "--otlp-insecure",
    '--otlp-endpoint "${OTEL_EXPORTER_OTLP_ENDPOINT#http://}"',
    '--service "$OTEL_SERVICE_NAME"',
    // Two traces a second (each a client span and its server child) until gini stops it.
    "--rate 4 --duration inf",
  ].join(" ");
}

/** gini.yaml (as JSON, which is YAML too): every real app at once, on the one stack. */
function giniYaml(ports: { node: number; nodeMismatch: number; go: number }): string {
  const { goDice, nodeApp } = inject("realApps");
  const apps = {
    "tg-http": { command: telemetrygen(true), otlp: "http" },
    "tg-grpc": { command: telemetrygen(false) },
    // OTLP/HTTP, but gini.yaml does not say so: gini injects the gRPC endpoint.
    "tg-mismatch": { command: telemetrygen(true) },
    "node-express": {
      command: "node --require ./instrumentation.js app.js",
      cwd: nodeApp,
      otlp: "http",
      env: { PORT: String(ports.node) },
      ready: `http://127.0.0.1:${ports.node}/rolldice`,
    },
    // OTLP/HTTP again without `otlp: http`: the JS SDK says so only with OTEL_LOG_LEVEL set.
    "node-mismatch": {
      command: "node --require ./instrumentation.js app.js",
      cwd: nodeApp,
      env: { PORT: String(ports.nodeMismatch) },
      ready: `http://127.0.0.1:${ports.nodeMismatch}/rolldice`,
    },
    // The service name the Go guide gives it, not the app's: gini.app still ties them.
    "go-dice": {
      command: goDice,
      otlp: "http",
      env: { PORT: String(ports.go), OTEL_SERVICE_NAME: "dice" },
      ready: `http://127.0.0.1:${ports.go}/rolldice/`,
    },
  };
  return JSON.stringify({ name: "gini-real-apps", apps }, null, 2);
}

const redOf = async (dir: string, service: string) => {
  const run = await gini(dir, ["red", "--json", "--service", service, "--window", "30s"]);
  expect(run.stderr).toBe("");
  return RedDoc.parse(JSON.parse(run.stdout)).services.find((s) => s.name === service);
};

describe("real programs as a user's apps: spans in Jaeger, RED figures in gini red", () => {
  const dir = projectFixture({ name: "gini-real-apps" });
  projectDownAround(dir);
  let traffic: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    const ports = { node: await freePort(), nodeMismatch: await freePort(), go: await freePort() };
    writeFileSync(join(dir, "gini.yaml"), giniYaml(ports));
    const up = await gini(dir, ["up", "--detach"]);
    expect(up.stderr).not.toContain("error:");
    expect(up.code).toBe(0);
    // The two servers get requests only from outside: a few a second, as a user's browser would.
    const urls = [
      `http://127.0.0.1:${ports.node}/rolldice`,
      `http://127.0.0.1:${ports.nodeMismatch}/rolldice`,
      `http://127.0.0.1:${ports.go}/rolldice/ana`,
    ];
    traffic = setInterval(() => urls.forEach((u) => void fetch(u).catch(() => undefined)), 250);
  });
  afterAll(() => clearInterval(traffic));

  /** The app's spans once Jaeger holds a server span of it, and its RED figures once they show. */
  async function endToEnd(service: string) {
    const spans = await eventually(
      () => jaegerSpans(service),
      (all) => all.some((s) => s.service === service && isServerSpan(s)),
    );
    const red = await eventually(
      () => redOf(dir, service),
      (figures) => (figures?.requestsPerSecond ?? 0) > 1,
      90_000,
      2000,
    );
    return { spans: spans.filter((s) => s.service === service), red };
  }

  for (const name of ["tg-http", "tg-grpc"]) {
    it(`telemetrygen over ${name === "tg-http" ? "OTLP/HTTP" : "gRPC"}: ${name}'s spans and RED`, async () => {
      const { spans, red } = await endToEnd(name);
      expect(new Set(spans.map((s) => s.name))).toEqual(new Set(["lets-go", "okey-dokey-0"]));
      expect(red?.requestsPerSecond).toBeLessThan(3);
      expect(red?.errorPercent).toBe(0);
      expect(red?.operations.map((o) => o.name)).toEqual(["okey-dokey-0"]);
    });
  }

  it("the JS guide's express app (NodeSDK, OTLP/HTTP): GET /rolldice as node-express", async () => {
    const { spans, red } = await endToEnd("node-express");
    expect(spans.filter(isServerSpan).map((s) => s.name)).toContain("GET /rolldice");
    expect(red?.operations.map((o) => o.name)).toContain("GET /rolldice");
    expect(red?.errorPercent).toBe(0);
  });

  it("the Go guide's dice app (otelhttp, otlptracehttp): its server and roll spans as dice", async () => {
    const { spans, red } = await endToEnd("dice");
    const server = spans.find((s) => isServerSpan(s) && s.name === "GET /rolldice/{player}");
    expect(server, JSON.stringify(spans.slice(0, 5))).toBeDefined();
    expect(spans).toContainEqual(
      expect.objectContaining({ traceId: server!.traceId, name: "roll" }),
    );
    expect(red?.operations.map((o) => o.name)).toContain("GET /rolldice/{player}");
  });

  it("an app that names its own service: status and doctor find it through gini.app", async () => {
    await endToEnd("dice");
    const status = StatusDoc.parse(JSON.parse((await gini(dir, ["status", "--json"])).stdout));
    expect(status.apps.find((a) => a.name === "go-dice")?.services).toEqual(["dice"]);
    const doctor = DoctorDoc.parse(JSON.parse((await gini(dir, ["doctor", "--json"])).stdout));
    expect(doctor.checks.find((c) => c.id === "app.go-dice.seen")).toMatchObject({
      status: "pass",
      finding: expect.stringContaining("go-dice sends dice") as unknown,
    });
  });

  it("OTLP/HTTP without `otlp: http`: doctor fails those apps' checks, naming the mismatch", async () => {
    const checksOf = async () => {
      const doc = DoctorDoc.parse(JSON.parse((await gini(dir, ["doctor", "--json"])).stdout));
      return doc.checks.filter((c) => c.group === "apps");
    };
    const wrong = ["app.node-mismatch", "app.tg-mismatch"];
    const apps = await eventually(checksOf, (checks) =>
      wrong.every((id) => checks.find((c) => c.id === id)?.status === "fail"),
    );
    for (const [id, sdk] of [
      ["app.tg-mismatch", "Go"],
      ["app.node-mismatch", "Node"],
    ]) {
      const mine = apps.find((c) => c.id === id);
      expect(mine?.finding).toContain(`exports OTLP/HTTP to the gRPC port 4317 (${sdk} SDK)`);
      expect(mine?.fix).toContain("otlp: http");
    }
    // Only those apps: the others export as gini.yaml says.
    expect(
      apps
        .filter((c) => c.status === "fail")
        .map((c) => c.id)
        .sort(),
    ).toEqual(wrong);
    expect(await jaegerSpans("tg-mismatch")).toEqual([]);
    expect(await jaegerSpans("node-mismatch")).toEqual([]);
  });
});

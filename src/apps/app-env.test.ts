import { describe, expect, it } from "vitest";

import { appEnv, type AppTarget, appTarget } from "./app-env.js";

const HOST: AppTarget = { kind: "host", publishedHost: "localhost" };
const CONTAINER: AppTarget = { kind: "container" };

describe("appEnv", () => {
  it("injects the OTEL variables for a host app on top of the inherited env", () => {
    const env = appEnv("api", {}, HOST, { PATH: "/bin", HOME: "/home/me", UNSET: undefined });
    expect(env).toEqual({
      PATH: "/bin",
      HOME: "/home/me",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4317",
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
      OTEL_SERVICE_NAME: "api",
      OTEL_BSP_SCHEDULE_DELAY: "500",
      OTEL_LOG_LEVEL: "error",
      OTEL_RESOURCE_ATTRIBUTES: "gini.app=api",
    });
  });

  it("asks for SDK error logs (where the doctor finds failed exports) unless the shell sets a level", () => {
    expect(appEnv("api", {}, HOST, {}).OTEL_LOG_LEVEL).toBe("error");
    expect(appEnv("api", {}, HOST, { OTEL_LOG_LEVEL: "debug" }).OTEL_LOG_LEVEL).toBe("debug");
    const own = { env: { OTEL_LOG_LEVEL: "none" } };
    expect(appEnv("api", own, HOST, { OTEL_LOG_LEVEL: "debug" }).OTEL_LOG_LEVEL).toBe("none");
  });

  it("points container apps at the collector on gini-network and inherits nothing by default", () => {
    const env = appEnv("worker", {}, CONTAINER);
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://otel-collector:4317");
    expect(env.PATH).toBeUndefined();
    expect(Object.keys(env).sort()).toEqual([
      "OTEL_BSP_SCHEDULE_DELAY",
      "OTEL_EXPORTER_OTLP_ENDPOINT",
      "OTEL_EXPORTER_OTLP_PROTOCOL",
      "OTEL_LOG_LEVEL",
      "OTEL_RESOURCE_ATTRIBUTES",
      "OTEL_SERVICE_NAME",
    ]);
  });

  it("overrides OTEL variables inherited from the user's shell", () => {
    const env = appEnv("api", {}, HOST, {
      OTEL_EXPORTER_OTLP_ENDPOINT: "https://vendor.example:4317",
      OTEL_SERVICE_NAME: "my-shell",
      OTEL_RESOURCE_ATTRIBUTES: "team=a",
    });
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://localhost:4317");
    expect(env.OTEL_SERVICE_NAME).toBe("api");
    // The user's resource attributes are kept, beside gini's.
    expect(env.OTEL_RESOURCE_ATTRIBUTES).toBe("gini.app=api,team=a");
  });

  it("lets the app's own env from gini.yaml win over everything", () => {
    const env = appEnv(
      "api",
      {
        env: {
          OTEL_SERVICE_NAME: "gini-api",
          OTEL_BSP_SCHEDULE_DELAY: "200",
          PATH: "/opt/bin",
          PORT: "9000",
        },
      },
      HOST,
      { PATH: "/bin", OTEL_SERVICE_NAME: "shell" },
    );
    expect(env).toMatchObject({
      OTEL_SERVICE_NAME: "gini-api",
      OTEL_BSP_SCHEDULE_DELAY: "200",
      PATH: "/opt/bin",
      PORT: "9000",
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
    });
  });

  it("uses process.env for host apps when nothing is passed", () => {
    expect(appEnv("api", {}, HOST).PATH).toBe(process.env.PATH);
  });

  it.each([
    ["host", undefined, "http://localhost:4317", "grpc"],
    ["host", "grpc", "http://localhost:4317", "grpc"],
    ["host", "http", "http://localhost:4318", "http/protobuf"],
    ["container", "grpc", "http://otel-collector:4317", "grpc"],
    ["container", "http", "http://otel-collector:4318", "http/protobuf"],
  ] as const)("a %s app with otlp: %s exports to %s over %s", (kind, otlp, endpoint, protocol) => {
    const env = appEnv("api", otlp ? { otlp } : {}, appTarget(kind, "localhost"), {});
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(endpoint);
    expect(env.OTEL_EXPORTER_OTLP_PROTOCOL).toBe(protocol);
  });

  it("points host apps at the published host they are handed, containers never", () => {
    expect(appEnv("api", {}, appTarget("host", "build-box.lan"), {})).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://build-box.lan:4317",
    });
    expect(appEnv("api", {}, appTarget("container", "build-box.lan"), {})).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4317",
    });
  });

  it("still lets the app's env override what its otlp: transport injects", () => {
    const env = appEnv(
      "api",
      { otlp: "http", env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" } },
      HOST,
      {},
    );
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://127.0.0.1:4318");
    expect(env.OTEL_EXPORTER_OTLP_PROTOCOL).toBe("http/protobuf");
  });

  it("merges gini.app into the resource attributes of the shell and of the app's env", () => {
    const env = appEnv(
      "api",
      { env: { OTEL_RESOURCE_ATTRIBUTES: "team=b, deployment.environment=dev" } },
      HOST,
      { OTEL_RESOURCE_ATTRIBUTES: "team=a,owner=me%20too" },
    );
    // The app's env wins per key over the shell; encoded values stay as written.
    expect(env.OTEL_RESOURCE_ATTRIBUTES).toBe(
      "gini.app=api,owner=me%20too,team=b,deployment.environment=dev",
    );
  });

  it("keeps a gini.app the user set", () => {
    const env = appEnv("api", { env: { OTEL_RESOURCE_ATTRIBUTES: "gini.app=shop" } }, CONTAINER);
    expect(env.OTEL_RESOURCE_ATTRIBUTES).toBe("gini.app=shop");
  });
});

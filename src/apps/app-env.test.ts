import { describe, expect, it } from "vitest";

import { appEnv } from "./app-env.js";

describe("appEnv", () => {
  it("injects the OTEL variables for a host app on top of the inherited env", () => {
    const env = appEnv("api", {}, "host", { PATH: "/bin", HOME: "/home/me", UNSET: undefined });
    expect(env).toEqual({
      PATH: "/bin",
      HOME: "/home/me",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4317",
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
      OTEL_SERVICE_NAME: "api",
      OTEL_BSP_SCHEDULE_DELAY: "500",
    });
  });

  it("points container apps at the collector on gini-network and inherits nothing by default", () => {
    const env = appEnv("worker", {}, "container");
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://otel-collector:4317");
    expect(env.PATH).toBeUndefined();
    expect(Object.keys(env).sort()).toEqual([
      "OTEL_BSP_SCHEDULE_DELAY",
      "OTEL_EXPORTER_OTLP_ENDPOINT",
      "OTEL_EXPORTER_OTLP_PROTOCOL",
      "OTEL_SERVICE_NAME",
    ]);
  });

  it("overrides OTEL variables inherited from the user's shell", () => {
    const env = appEnv("api", {}, "host", {
      OTEL_EXPORTER_OTLP_ENDPOINT: "https://vendor.example:4317",
      OTEL_SERVICE_NAME: "my-shell",
      OTEL_RESOURCE_ATTRIBUTES: "team=a",
    });
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://localhost:4317");
    expect(env.OTEL_SERVICE_NAME).toBe("api");
    // Variables gini does not inject pass through.
    expect(env.OTEL_RESOURCE_ATTRIBUTES).toBe("team=a");
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
      "host",
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
    expect(appEnv("api", {}, "host").PATH).toBe(process.env.PATH);
  });
});

import { describe, expect, it } from "vitest";

import { hostUrl, PORTS, serviceNamed, SERVICES } from "./services.js";

describe("the services table", () => {
  it("publishes every named port of the stack but Jaeger's gRPC API, each once", () => {
    const published = SERVICES.flatMap((s) => s.ports);
    const { jaegerGrpc, ...wanted } = PORTS;
    const byNumber = (a: number, b: number) => a - b;
    expect([...published].sort(byNumber)).toEqual(Object.values(wanted).sort(byNumber));
    expect(published).not.toContain(jaegerGrpc);
  });

  it("probes each service on a port it publishes", () => {
    for (const s of SERVICES) expect(s.ports).toContain(s.ready.port);
    expect(serviceNamed("otel-collector").ready).toEqual({ port: PORTS.health, path: "/" });
  });

  it("gives users URLs on the published host they are handed", () => {
    expect(hostUrl("localhost", PORTS.jaegerUi, "/monitor")).toBe("http://localhost:16686/monitor");
    expect(hostUrl("localhost", PORTS.otlpGrpc, "")).toBe("http://localhost:4317");
    expect(hostUrl("build-box.lan", PORTS.prometheus)).toBe("http://build-box.lan:9090/");
    expect(hostUrl("fd00::5", PORTS.jaegerUi)).toBe("http://[fd00::5]:16686/");
  });
});

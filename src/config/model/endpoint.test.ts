import { describe, expect, it } from "vitest";

import { isLoopback, parseEndpoint } from "./index.js";

describe("parseEndpoint", () => {
  it("parses endpoints with and without a scheme", () => {
    expect(parseEndpoint("0.0.0.0:4317")).toEqual({ host: "0.0.0.0", port: 4317 });
    expect(parseEndpoint("http://prometheus:9090/")).toEqual({ host: "prometheus", port: 9090 });
    expect(parseEndpoint("[::1]:8889")).toEqual({ host: "::1", port: 8889 });
    expect(parseEndpoint("jaeger")).toEqual({ host: "jaeger" });
  });

  it("reads OTLP endpoint URLs: scheme ports, paths, user info", () => {
    expect(parseEndpoint("http://localhost:4317")).toEqual({ host: "localhost", port: 4317 });
    expect(parseEndpoint("http://otel-collector")).toEqual({ host: "otel-collector", port: 80 });
    expect(parseEndpoint("https://collector.example/v1/traces")).toEqual({
      host: "collector.example",
      port: 443,
    });
    expect(parseEndpoint("http://user:pw@localhost:4318/v1/traces?x=1")).toEqual({
      host: "localhost",
      port: 4318,
    });
    expect(parseEndpoint("http://[::1]:4317")).toEqual({ host: "::1", port: 4317 });
  });

  it("keeps `:port` (all interfaces) and leaves a port that is no number undefined", () => {
    expect(parseEndpoint(":4317")).toEqual({ host: "", port: 4317 });
    expect(parseEndpoint("localhost:grpc")).toEqual({ host: "localhost" });
  });

  it("is undefined when there is neither host nor port", () => {
    expect(parseEndpoint("")).toBeUndefined();
    expect(parseEndpoint("http://")).toBeUndefined();
  });
});

describe("isLoopback", () => {
  it("knows loopback names", () => {
    expect(["localhost", "127.0.0.1", "127.1.2.3", "::1"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "otel-collector", ""].some(isLoopback)).toBe(false);
  });

  it("takes all of 127.0.0.0/8, not only 127.0.0.1, and any case of localhost", () => {
    expect(["127.0.0.2", "127.255.255.254", "LocalHost"].every(isLoopback)).toBe(true);
    expect(["128.0.0.1", "10.127.0.1"].some(isLoopback)).toBe(false);
  });
});

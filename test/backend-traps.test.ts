// The known traps, shown by the real collector and Jaeger: a localhost endpoint behind Docker's
// port mapping, an export target that does not resolve, CORS, and a Prometheus that is absent.
// gini's validate and doctor messages quote what these tests see.
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { encodeRequest, exportGrpc, jsonRequest, newSpan } from "./helpers/otlp-client.js";
import { getJson, getText, TestNetwork, waitFor } from "./helpers/test-network.js";

const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/backends/${name}`, import.meta.url));

describe("the real backends show the known traps", () => {
  const images = inject("images");
  const net = new TestNetwork();
  let collector: Record<number, string>;
  let jaeger: Record<number, string>;

  beforeAll(async () => {
    await net.create();
    collector = await net.start({
      service: "otel-collector",
      image: images.collector,
      mounts: { [fixture("traps.config-spm.yaml")]: "/etc/otel-collector-config.yaml" },
      args: ["--config=/etc/otel-collector-config.yaml"],
      ports: [4317, 4318, 8888, 13133],
    });
    jaeger = await net.start({
      service: "jaeger",
      image: images.jaeger,
      mounts: { [fixture("no-prometheus.config-jaeger.yaml")]: "/etc/jaeger/config.yaml" },
      args: ["--config=/etc/jaeger/config.yaml"],
      ports: [16686],
    });
    await waitFor(
      "collector health",
      async () => (await getText(`http://${collector[13133]}/`)).status === 200,
    );
    await waitFor(
      "jaeger UI",
      async () => (await getText(`http://${jaeger[16686]}/`)).status === 200,
    );
  });

  afterAll(async () => {
    await net.destroy();
  });

  it("cannot be reached through port mapping on a localhost endpoint", async () => {
    const attempt = exportGrpc(collector[4317]!, encodeRequest(newSpan("trap", "GET /")));
    const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 3000));
    const outcome = await Promise.race([attempt.catch((err: Error) => err), timeout]);
    expect(outcome).not.toMatchObject({ grpcStatus: "0" });
  });

  it('logs "Exporting failed" and counts failed spans when the exporter target is unreachable', async () => {
    const res = await fetch(`http://${collector[4318]}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(jsonRequest(newSpan("trap", "POST /"))),
    });
    expect(res.status).toBe(200);
    const logs = await waitFor("dropped data", async () => {
      const text = await net.logs("otel-collector");
      return text.includes("Dropping data") && text;
    });
    // The name nowhere.invalid does not resolve; gRPC's resolver words that as "no children".
    expect(logs).toMatch(
      /Exporting failed\. Will retry the request after interval\..*"otelcol\.component\.id": "otlp_grpc".*"error": "rpc error: code = Unavailable desc = no children to pick from"/,
    );
    const self = (await getText(`http://${collector[8888]}/metrics`)).body;
    expect(self).toMatch(/^otelcol_exporter_send_failed_spans\{exporter="otlp_grpc".* 1$/m);
  });

  it("answers CORS preflights for the configured origins only", async () => {
    const preflight = (origin: string) =>
      fetch(`http://${collector[4318]}/v1/traces`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      });
    const ok = await preflight("http://localhost:7860");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:7860");
    const other = await preflight("http://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("returns Jaeger's HTTP 500 error shape when Prometheus cannot be queried", async () => {
    const res = await fetch(`http://${jaeger[16686]}/api/metrics/calls?service=trap`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { errors: { code: number; msg: string }[] };
    expect(body.errors[0]?.code).toBe(500);
    expect(body.errors[0]?.msg).toContain("failed executing metrics query");
    // Nothing reached this Jaeger: api_v3 answers `{}`.
    const services = await getJson<{ services?: string[] }>(
      `http://${jaeger[16686]}/api/v3/services`,
    );
    expect(services.services ?? []).toEqual([]);
  });
});

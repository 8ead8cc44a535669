// setupTracing end to end: the built demo API and UI export spans over OTLP/gRPC to a tiny
// receiver in this test, named after their services, and a request through the UI carries its
// trace id into the API (W3C traceparent through the HTTP instrumentation).
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DemoProcess, startDemo } from "./helpers/demo-process.js";
import { carrying } from "./helpers/otlp-decode.js";
import { type OtlpReceiver, startOtlpReceiver } from "./helpers/otlp-receiver.js";

const SERVER = 2; // span kind
const ERROR = 2; // status code

let receiver: OtlpReceiver;
let api: DemoProcess;
let ui: DemoProcess;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const otel = {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
  };
  api = await startDemo("api.js", otel);
  ui = await startDemo("ui.js", { ...otel, API_URL: api.url });
});

afterAll(async () => {
  await Promise.all([ui?.stop(), api?.stop()]);
  await receiver?.close();
});

/** POSTs a prompt to the UI inside a new trace; returns the response and the trace's id. */
async function generate(prompt: string): Promise<{ status: number; traceId: string }> {
  const traceId = randomBytes(16).toString("hex");
  const res = await fetch(`${ui.url}/api/generate`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
    },
    body: JSON.stringify({ prompt }),
  });
  return { status: res.status, traceId };
}

const inTrace = (traceId: string) => receiver.spans().filter((s) => s.traceId === traceId);
const named = (traceId: string, service: string, name: string) =>
  inTrace(traceId).find((s) => s.service === service && s.name === name);

describe("setupTracing", () => {
  it("exports the API's server span, named after its route, within the batch delay", async () => {
    const marker = `probe-${randomBytes(6).toString("hex")}`;
    const sent = Date.now();
    expect((await fetch(`${api.url}/api/items?${marker}`)).status).toBe(200);
    const received = await receiver.waitFor(marker, 5000);
    expect(received.at - sent).toBeLessThan(3000);
    expect(carrying(receiver.spans(), marker)).toEqual([
      expect.objectContaining({ service: "gini-api", name: "GET /api/items", kind: SERVER }),
    ]);
  });

  it("joins the UI's and the API's spans in one trace", async () => {
    const { status, traceId } = await generate("one trace please");
    expect(status).toBe(200);
    const services = () => [...new Set(inTrace(traceId).map((s) => s.service))].sort();
    await expect.poll(services, { timeout: 5000 }).toEqual(["gini-api", "gini-ui"]);
    // The API's request span is a child of a UI span: Jaeger shows one tree, not two traces.
    const parentOfApiRequest = () => {
      const parent = named(traceId, "gini-api", "POST /api/generate")?.parentSpanId;
      return inTrace(traceId).find((s) => s.spanId === parent)?.service;
    };
    await expect.poll(parentOfApiRequest, { timeout: 5000 }).toBe("gini-ui");
    const modelCalls = () =>
      inTrace(traceId)
        .filter((s) => s.name === "model.generate")
        .map((s) => s.service);
    await expect.poll(modelCalls, { timeout: 5000 }).toEqual(["gini-api"]);
  });

  it("marks the failing model call as an error with the exception recorded", async () => {
    const { status, traceId } = await generate("fail");
    expect(status).toBe(500);
    await expect
      .poll(() => named(traceId, "gini-api", "model.generate")?.status.code, { timeout: 5000 })
      .toBe(ERROR);
    const model = named(traceId, "gini-api", "model.generate");
    expect(model?.status.message).toContain("gini-demo-model failed");
    const exception = model?.events.find((e) => e.name === "exception");
    expect(exception?.attributes["exception.message"]).toContain("gini-demo-model failed");
  });

  it("flushes on SIGTERM and exits 0", async () => {
    const marker = `last-${randomBytes(6).toString("hex")}`;
    await fetch(`${api.url}/api/items?${marker}`);
    expect(await api.stop()).toBe(0); // right away, before the batch delay is over
    await receiver.waitFor(marker, 2000);
    expect(carrying(receiver.spans(), marker).map((s) => s.service)).toEqual(["gini-api"]);
  });
});

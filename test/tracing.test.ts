// setupTracing end to end: the built demo API and UI export spans over OTLP/gRPC to a tiny
// receiver in this test, named after their services, and a request through the UI carries its
// trace id into the API (W3C traceparent through the HTTP instrumentation).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type DemoProcess } from "./helpers/demo-process.js";
import { startOtlpReceiver, type OtlpReceiver } from "./helpers/otlp-receiver.js";

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

describe("setupTracing", () => {
  it("exports the API's spans under its service name within the batch delay", async () => {
    const marker = `probe-${randomBytes(6).toString("hex")}`;
    const sent = Date.now();
    expect((await fetch(`${api.url}/api/items?${marker}`)).status).toBe(200);
    const received = await receiver.waitFor(marker, 5000);
    expect(received.body.includes("gini-api")).toBe(true);
    expect(received.body.includes("GET /api/items")).toBe(true); // the span is named after the route
    expect(received.at - sent).toBeLessThan(3000);
  });

  it("joins the UI's and the API's spans in one trace", async () => {
    const traceId = randomBytes(16);
    const res = await fetch(`${ui.url}/api/generate`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        traceparent: `00-${traceId.toString("hex")}-${randomBytes(8).toString("hex")}-01`,
      },
      body: JSON.stringify({ prompt: "one trace please" }),
    });
    expect(res.status).toBe(200);
    await expect
      .poll(
        () =>
          receiver.exports
            .filter((e) => e.body.includes(traceId))
            .map((e) =>
              e.body.includes("gini-api") ? "api" : e.body.includes("gini-ui") ? "ui" : "?",
            )
            .sort(),
        { timeout: 5000 },
      )
      .toEqual(expect.arrayContaining(["api", "ui"]));
    const apiExport = receiver.exports.find(
      (e) => e.body.includes(traceId) && e.body.includes("gini-api"),
    )!;
    expect(apiExport.body.includes("model.generate")).toBe(true);
  });

  it("marks failures as errors with the exception recorded", async () => {
    const traceId = randomBytes(16);
    await fetch(`${ui.url}/api/generate`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        traceparent: `00-${traceId.toString("hex")}-${randomBytes(8).toString("hex")}-01`,
      },
      body: JSON.stringify({ prompt: "fail" }),
    });
    const received = await receiver.waitFor(traceId, 5000);
    const all = Buffer.concat(
      receiver.exports.filter((e) => e.body.includes(traceId)).map((e) => e.body),
    );
    expect(received).toBeDefined();
    expect(all.includes("exception")).toBe(true);
    expect(all.includes("gini-demo-model failed")).toBe(true);
  });

  it("flushes on SIGTERM and exits 0", async () => {
    const marker = `last-${randomBytes(6).toString("hex")}`;
    await fetch(`${api.url}/api/items?${marker}`);
    expect(await api.stop()).toBe(0); // right away, before the batch delay is over
    await receiver.waitFor(marker, 2000);
  });
});

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiServer } from "./api-server.js";
import { createUiServer } from "./ui-server.js";

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

const post = (url: string, body: string) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });

let api: Server;
let ui: Server;
let apiUrl: string;
let uiUrl: string;

beforeAll(async () => {
  api = createApiServer();
  apiUrl = await listen(api);
  ui = createUiServer(apiUrl);
  uiUrl = await listen(ui);
});

afterAll(() => {
  api.closeAllConnections();
  ui.closeAllConnections();
  api.close();
  ui.close();
});

describe("demo API", () => {
  it("answers /health and lists items fast", async () => {
    expect(await (await fetch(`${apiUrl}/health`)).json()).toEqual({ status: "ok" });
    const t0 = Date.now();
    const res = await fetch(`${apiUrl}/api/items`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items.length).toBeGreaterThan(3);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("generates an answer after a model step of 50-400 ms", async () => {
    const res = await post(`${apiUrl}/api/generate`, JSON.stringify({ prompt: "hello tracing" }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answer: string; latencyMs: number };
    expect(body.answer).toContain("gnicart olleh");
    expect(body.latencyMs).toBeGreaterThanOrEqual(50);
    expect(body.latencyMs).toBeLessThanOrEqual(400);
  });

  it("fails with a 500 for a prompt asking for it", async () => {
    const res = await post(`${apiUrl}/api/generate`, JSON.stringify({ prompt: "please FAIL" }));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: string }).error).toContain("failed");
  });

  it.each([["not json"], ["{}"], ['{"prompt": "  "}'], ['{"prompt": 3}']])(
    "rejects the body %s with 400",
    async (body) => {
      expect((await post(`${apiUrl}/api/generate`, body)).status).toBe(400);
    },
  );

  it("rejects a huge body and unknown routes", async () => {
    expect(
      (await post(`${apiUrl}/api/generate`, JSON.stringify({ prompt: "x".repeat(100_000) })))
        .status,
    ).toBe(413);
    expect((await fetch(`${apiUrl}/nope`)).status).toBe(404);
  });
});

describe("demo UI", () => {
  it("serves the page with a prompt box and a button", async () => {
    const res = await fetch(`${uiUrl}/`);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain('id="prompt"');
    expect(html).toContain('id="generate"');
  });

  it("relays generations, items and failures to the API", async () => {
    const ok = await post(`${uiUrl}/api/generate`, JSON.stringify({ prompt: "abc" }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { answer: string }).answer).toContain('"cba"');
    expect((await fetch(`${uiUrl}/api/items`)).status).toBe(200);
    const failed = await post(`${uiUrl}/api/generate`, JSON.stringify({ prompt: "fail" }));
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { error: string }).error).toContain("gini-demo-model failed");
    expect((await post(`${uiUrl}/api/generate`, "{}")).status).toBe(400);
  });

  it("answers 502 when the API is down", async () => {
    const lonely = createUiServer("http://127.0.0.1:1");
    const url = await listen(lonely);
    const res = await post(`${url}/api/generate`, JSON.stringify({ prompt: "hi" }));
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /API at http:\/\/127\.0\.0\.1:1 is unreachable/,
    );
    lonely.closeAllConnections();
    lonely.close();
  });
});

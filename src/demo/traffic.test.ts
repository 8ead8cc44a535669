import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GiniError } from "../errors.js";
import { driveTraffic, loopbackUrl } from "./traffic.js";
import { TRAFFIC_CYCLE } from "./traffic-mix.js";

/** A stand-in demo server: fails generations whose prompt says "fail", like the real one. */
function fakeDemo(hits: string[]): Server {
  return createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      hits.push(`${req.method} ${req.url}`);
      res.statusCode = body.includes("fail") ? 500 : 200;
      res.end("{}");
    });
  });
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://localhost:${(server.address() as AddressInfo).port}`),
    ),
  );

const uiHits: string[] = [];
const apiHits: string[] = [];
const servers = [fakeDemo(uiHits), fakeDemo(apiHits)];
let uiUrl: string;
let apiUrl: string;

beforeAll(async () => {
  [uiUrl, apiUrl] = (await Promise.all(servers.map(listen))) as [string, string];
});
afterAll(() => servers.forEach((s) => (s.closeAllConnections(), s.close())));

describe("driveTraffic", () => {
  it("sends the mix at the asked rate through the UI and to the API", async () => {
    const ticks: number[] = [];
    const t0 = Date.now();
    const counts = await driveTraffic({
      uiUrl,
      apiUrl,
      rps: 40,
      durationSeconds: 1,
      tickSeconds: 0.25,
      onTick: (c) => ticks.push(c.sent),
    });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(counts.sent).toBe(40);
    expect(counts.ok + counts.failed).toBe(40);
    expect(counts.failed).toBe(6); // 3 failing requests per cycle of 20
    expect(counts.unreachable).toBe(0);
    expect(Object.keys(counts.byRoute).sort()).toEqual(
      [...new Set(TRAFFIC_CYCLE.map((r) => r.route))].sort(),
    );
    expect(counts.byRoute["ui POST /api/generate (fail)"]).toEqual({ sent: 4, ok: 0, failed: 4 });
    expect(uiHits.some((h) => h === "GET /api/items")).toBe(true);
    expect(apiHits.some((h) => h === "POST /api/generate")).toBe(true);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
  });

  it("stops early when aborted", async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    const counts = await driveTraffic({
      uiUrl,
      apiUrl,
      rps: 20,
      durationSeconds: 30,
      signal: stop.signal,
    });
    expect(counts.sent).toBeLessThan(10);
  });

  it("says to run gini up when the demo does not answer", async () => {
    const err = await driveTraffic({
      uiUrl: "http://127.0.0.1:1",
      apiUrl,
      rps: 1,
      durationSeconds: 1,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GiniError);
    expect((err as GiniError).message).toBe(
      "the demo UI at http://127.0.0.1:1 does not answer (connection refused)",
    );
    expect((err as GiniError).hint).toContain("gini up");
  });

  it("refuses rates out of range", async () => {
    await expect(driveTraffic({ uiUrl, apiUrl, rps: 0, durationSeconds: 1 })).rejects.toThrow(
      "--rps",
    );
    await expect(driveTraffic({ uiUrl, apiUrl, rps: 1000, durationSeconds: 1 })).rejects.toThrow(
      "--rps",
    );
  });
});

describe("loopbackUrl", () => {
  it("accepts only this machine", () => {
    expect(loopbackUrl("http://localhost:7860", "--ui-url").port).toBe("7860");
    expect(loopbackUrl("http://[::1]:8000", "--api-url").hostname).toBe("[::1]");
    expect(() => loopbackUrl("http://example.com", "--ui-url")).toThrow("not on this machine");
    expect(() => loopbackUrl("file:///etc/passwd", "--ui-url")).toThrow("not on this machine");
    expect(() => loopbackUrl("nonsense", "--ui-url")).toThrow("not a URL");
  });
});

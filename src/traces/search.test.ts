import { describe, expect, it } from "vitest";

import { GiniError } from "../errors.js";
import { findTraces, getTrace, servicesToSearch } from "./search.js";
import { DEMO, FAILED, fakeTracesDeps } from "./traces.fake.js";

const ALL = { errors: false, limit: 10 };
const ids = (traces: { traceId: string }[]) => traces.map((t) => t.traceId.slice(0, 8));
const searchesOf = (urls: URL[]) => urls.filter((u) => u.pathname === "/api/v3/traces");

describe("servicesToSearch", () => {
  it("takes --service, else the project's apps that Jaeger knows, else every service", () => {
    const known = ["billing", "gini-api", "gini-ui"];
    expect(servicesToSearch(known, ["gini-api", "gini-ui"], "billing")).toEqual(["billing"]);
    expect(servicesToSearch(known, ["gini-ui", "worker", "gini-ui"])).toEqual(["gini-ui"]);
    expect(servicesToSearch(known, ["worker"])).toEqual(known);
  });
});

describe("findTraces", () => {
  it("merges the apps' traces (one through both services is one trace), most recent first", async () => {
    const deps = fakeTracesDeps(DEMO);
    const search = await findTraces(ALL, deps);
    expect(search.known).toEqual(["gini-api", "gini-ui"]);
    expect(search.searched).toEqual(["gini-api", "gini-ui"]);
    expect(ids(search.traces)).toEqual([
      "e3c54380",
      "d0394abb",
      "d3203f8f",
      "7f23cb6a",
      "450ea2d7",
    ]);
    expect(search.traces.find((t) => t.traceId === FAILED)?.spans).toHaveLength(4);
  });

  it("asks api_v3 with the camelCase parameters of Jaeger 2.20", async () => {
    const deps = fakeTracesDeps(DEMO);
    await findTraces({ ...ALL, service: "gini-ui", limit: 3 }, deps);
    const [search] = searchesOf(deps.urls);
    expect(`${search!.protocol}//${search!.host}`).toBe("http://127.0.0.1:16686");
    const q = Object.fromEntries(search!.searchParams);
    expect(q).toEqual({
      "query.serviceName": "gini-ui",
      "query.startTimeMin": "2026-11-24T16:26:58.027Z",
      "query.startTimeMax": "2026-11-25T16:27:58.027Z",
      "query.searchDepth": "3",
    });
  });

  it("--limit keeps the most recent; --service searches only that service", async () => {
    const search = await findTraces({ ...ALL, service: "gini-ui", limit: 2 }, fakeTracesDeps(DEMO));
    expect(search.searched).toEqual(["gini-ui"]);
    expect(ids(search.traces)).toEqual(["d3203f8f", "7f23cb6a"]);
  });

  it("--errors keeps traces with an error span, searching deeper to find them", async () => {
    const deps = fakeTracesDeps(DEMO);
    const search = await findTraces({ ...ALL, errors: true, limit: 5 }, deps);
    expect(ids(search.traces)).toEqual(["7f23cb6a"]);
    expect(searchesOf(deps.urls).map((u) => u.searchParams.get("query.searchDepth"))).toEqual([
      "200",
      "200",
    ]);
  });

  it("leaves out Jaeger's own service, and searches every service when no app is known", async () => {
    const deps = fakeTracesDeps({ ...DEMO, services: ["jaeger", "gini-ui"], apps: ["api"] });
    const search = await findTraces(ALL, deps);
    expect(search.known).toEqual(["gini-ui"]);
    expect(search.searched).toEqual(["gini-ui"]);
  });

  it("still searches when the apps cannot be read", async () => {
    const deps = {
      ...fakeTracesDeps(DEMO),
      appServices: () => Promise.reject(new Error("bad state")),
    };
    expect((await findTraces(ALL, deps)).searched).toEqual(["gini-api", "gini-ui"]);
  });

  it("finds nothing, without an error, when Jaeger has no spans or none from the service", async () => {
    const empty = await findTraces(ALL, fakeTracesDeps({ services: [] }));
    expect(empty).toEqual({ known: [], searched: [], traces: [] });
    const other = await findTraces({ ...ALL, service: "nope" }, fakeTracesDeps(DEMO));
    expect(other).toEqual({ known: ["gini-api", "gini-ui"], searched: ["nope"], traces: [] });
  });

  it("fails in one line with the hint `gini up` when Jaeger does not answer", async () => {
    const err = await findTraces(ALL, fakeTracesDeps({})).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GiniError);
    expect(err).toMatchObject({
      message: "Jaeger does not answer on http://localhost:16686/ (connection refused)",
      exitCode: 1,
    });
    expect((err as GiniError).hint).toContain("`gini up`");
  });

  it("fails with Jaeger's own message when it answers an error", async () => {
    const body = '{"error":{"httpCode":500,"message":"search depth must be greater than 0"}}';
    const deps = fakeTracesDeps({ ...DEMO, always: { status: 500, body } });
    await expect(findTraces(ALL, deps)).rejects.toThrow(
      "Jaeger's /api/v3/services failed: HTTP 500: search depth must be greater than 0",
    );
  });

  it("says so when Jaeger's answer is cut short", async () => {
    const deps = fakeTracesDeps({
      ...DEMO,
      always: { status: 200, body: '{"result":{"resourceSp' },
    });
    await expect(findTraces(ALL, deps)).rejects.toMatchObject({
      message: "Jaeger's answer to /api/v3/services is not complete JSON (0.0 MB read)",
      hint: expect.stringContaining("--limit") as string,
    });
  });
});

describe("getTrace", () => {
  it("reads one trace by id, in any case", async () => {
    const trace = await getTrace(FAILED.toUpperCase(), fakeTracesDeps(DEMO));
    expect(trace.traceId).toBe(FAILED);
    expect(trace.spans).toHaveLength(4);
  });

  it("names an id Jaeger does not have, with a hint, exit 1", async () => {
    const err = await getTrace("0af7651916cd43dd8448eb211c80319c", fakeTracesDeps(DEMO)).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({
      message: "trace 0af7651916cd43dd8448eb211c80319c not found in Jaeger",
      exitCode: 1,
    });
    expect((err as GiniError).hint).toContain("`gini traces`");
  });

  it("refuses what is not a trace id as a usage error, before asking Jaeger", async () => {
    const deps = fakeTracesDeps(DEMO);
    await expect(getTrace("not-a-trace", deps)).rejects.toMatchObject({
      message: '"not-a-trace" is not a trace id',
      exitCode: 2,
    });
    expect(deps.urls).toEqual([]);
  });

  it("fails with the hint `gini up` when Jaeger does not answer", async () => {
    await expect(getTrace(FAILED, fakeTracesDeps({}))).rejects.toMatchObject({
      message: expect.stringContaining("Jaeger does not answer") as string,
      hint: expect.stringContaining("`gini up`") as string,
    });
  });
});

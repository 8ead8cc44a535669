import { readFileSync } from "node:fs";
import { join } from "node:path";

import type { HttpResponse } from "../health/http-get.js";
import type { TracesDeps } from "./search.js";

/** A recorded answer of the live stack (Jaeger 2.13, the demo under `gini traffic`), trimmed. */
export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, "fixtures", `${name}.json`), "utf8");
}

/** 12 s after the failing generation of the fixtures started. */
export const NOW = 1795624006027 + 12_000;
/** The failing generation: UI → API → model.generate, which throws. */
export const FAILED = "7f23cb6a77603f51c005ff9029f9b73d";

/** What the fake Jaeger holds; unreachable when `services` is undefined. */
export interface FakeJaeger {
  services?: string[];
  /** Search answers by service; a service without one answers 404, as api_v3 does. */
  searches?: Record<string, string>;
  /** Trace answers by id. */
  traces?: Record<string, string>;
  /** An answer for every request, e.g. a 500. */
  always?: HttpResponse;
  apps?: string[];
}

const NOT_FOUND: HttpResponse = {
  status: 404,
  body: '{"error":{"httpCode":404,"message":"No traces found"}}',
};

/** Deps whose HTTP answers like Jaeger's api_v3; `urls` records every request. */
export function fakeTracesDeps(jaeger: FakeJaeger): TracesDeps & { urls: URL[] } {
  const urls: URL[] = [];
  const answer = (url: URL): HttpResponse => {
    if (jaeger.always) return jaeger.always;
    if (!jaeger.services) return { status: 0, body: "", error: "connection refused" };
    if (url.pathname === "/api/v3/services") {
      const body = jaeger.services.length ? { services: jaeger.services } : {};
      return { status: 200, body: JSON.stringify(body) };
    }
    if (url.pathname === "/api/v3/traces") {
      const found = jaeger.searches?.[url.searchParams.get("query.serviceName") ?? ""];
      return found ? { status: 200, body: found } : NOT_FOUND;
    }
    const found = jaeger.traces?.[url.pathname.replace("/api/v3/traces/", "")];
    return found ? { status: 200, body: found } : NOT_FOUND;
  };
  return {
    urls,
    http: async (raw) => {
      const url = new URL(raw);
      urls.push(url);
      return answer(url);
    },
    publishedHost: "localhost",
    now: () => NOW,
    appServices: async () => jaeger.apps ?? ["gini-api", "gini-ui"],
  };
}

/** The demo's two services with their recorded searches. */
export const DEMO: FakeJaeger = {
  services: ["gini-api", "gini-ui"],
  searches: { "gini-ui": fixture("search-gini-ui"), "gini-api": fixture("search-gini-api") },
  traces: { [FAILED]: fixture("trace-failed-generate") },
};

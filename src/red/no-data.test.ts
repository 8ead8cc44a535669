import { afterEach, describe, expect, it } from "vitest";

import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import type { RedSelection } from "./promql.js";
import { fakePrometheus, type Scene } from "./red.fake.js";
import { redSource } from "./source.js";

afterEach(removeProjectFixtures);

const UP = [{ instance: "otel-collector:8889", health: "up" }];
const server = (service: string, span_name = "GET /", span_kind = "SPAN_KIND_SERVER") => ({
  service_name: service,
  span_name,
  span_kind,
});

/** The noData of a report whose rate query came back empty. */
async function noData(scene: Scene, sel: Partial<RedSelection> = {}) {
  const fake = fakePrometheus(scene);
  const source = await redSource(fixtureProject(), "localhost", fake.deps);
  const selection = { spanKind: "server" as const, windowSeconds: 60, ...sel };
  const report = await source.read({ ...selection, operations: true, history: true });
  expect(report.services).toEqual([]);
  return report.noData!;
}

describe("why gini red has no data", () => {
  it("Prometheus does not scrape the collector's span metrics yet", async () => {
    const why = await noData({ targets: [] });
    expect(why.reason).toBe("not-scraped-yet");
    expect(why.message).toBe(
      "prometheus has not scraped the span metrics at otel-collector:8889 yet",
    );
  });

  it("the target is down, with Prometheus's own error", async () => {
    const targets = [{ ...UP[0]!, health: "down", lastError: "connection refused" }];
    const why = await noData({ targets });
    expect(why).toMatchObject({
      reason: "target-down",
      message: "prometheus cannot scrape otel-collector:8889: connection refused",
    });
  });

  it("the collector has received no spans", async () => {
    for (const accepted of [undefined, 0]) {
      const why = await noData({ targets: UP, accepted });
      expect(why.reason).toBe("no-spans");
      expect(why.hint).toContain("gini traffic");
    }
  });

  it("spans arrived but their metrics are not in Prometheus yet: how long to wait", async () => {
    const why = await noData({ targets: UP, accepted: 42 });
    expect(why.reason).toBe("no-span-metrics-yet");
    expect(why.hint).toBe(
      "wait about 6 s (span metrics flush every 1 s, prometheus scrapes every 5 s)",
    );
  });

  it("no such service, span kind or operation: lists what there is", async () => {
    const inventory = [server("gini-api"), server("gini-ui", "GET", "SPAN_KIND_CLIENT")];
    expect((await noData({ inventory }, { service: "nope" })).message).toBe(
      'no span metrics for service "nope"; services seen: gini-api, gini-ui',
    );
    expect((await noData({ inventory }, { service: "gini-ui" })).message).toBe(
      "no server spans from gini-ui; span kinds seen: client",
    );
    expect((await noData({ inventory }, { operation: "POST /x" })).message).toBe(
      'no operation "POST /x"; operations seen: GET /',
    );
  });

  it("a window shorter than two scrapes, by Prometheus's own scrape interval", async () => {
    const targets = [{ ...UP[0]!, scrapeInterval: "15s" }];
    const why = await noData({ inventory: [server("a")], targets }, { windowSeconds: 20 });
    expect(why).toMatchObject({ reason: "window-too-short", hint: "use --window 30s or longer" });
  });

  it("new series with one scrape so far, or nothing within the window", async () => {
    const scene = { inventory: [server("a")], targets: UP };
    expect((await noData({ ...scene, samples: 1 })).reason).toBe("one-scrape-so-far");
    expect((await noData(scene)).reason).toBe("no-recent-data");
  });
});

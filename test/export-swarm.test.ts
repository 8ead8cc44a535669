// `gini export compose` on a real single-node Swarm: the exported file, unchanged, deployed with
// `docker stack deploy` on the test images, takes spans, shows them in Jaeger, and Prometheus
// scrapes the collector. The set-up joins a Swarm only for this file and leaves it afterwards.
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { docker } from "./helpers/docker.js";
import { gini } from "./helpers/gini.js";
import { encodeRequest, exportGrpc, newSpan } from "./helpers/otlp-client.js";
import { eventually } from "./helpers/poll.js";
import { projectFixture } from "./helpers/project-fixture.js";

const STACK = "gini-export-test";
const SERVICE = "export-swarm-test";

/** GETs a Jaeger or Prometheus API document, or undefined while the service does not answer. */
async function json<T>(url: string): Promise<T | undefined> {
  try {
    const res = await fetch(url);
    return res.ok ? ((await res.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}

const answers = async (url: string) => (await fetch(url).catch(() => undefined))?.ok === true;

/** True while anything of the stack is left: its containers, or the network it created. */
function stackLeft(): boolean {
  const containers = docker("ps", "-aq", "--filter", `label=com.docker.stack.namespace=${STACK}`);
  return (
    containers !== "" || docker("network", "ls", "-q", "--filter", "name=^gini-network$") !== ""
  );
}

describe("gini export compose on Docker Swarm", () => {
  const dir = projectFixture({ name: "gini-export" });
  const file = join(dir, "stack.yml");
  let joinedSwarm = false;

  beforeAll(async () => {
    // Another file's stack leaves gini-network behind only when its `gini down` failed.
    if (docker("network", "ls", "-q", "--filter", "name=^gini-network$")) {
      docker("network", "rm", "gini-network");
    }
    if (docker("info", "--format", "{{.Swarm.LocalNodeState}}") !== "active") {
      docker("swarm", "init", "--advertise-addr", "127.0.0.1");
      joinedSwarm = true;
    }
    const run = await gini(dir, ["export", "compose", "-o", file]);
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
    // The CLI's own Compose loader for stacks, stricter than the Compose Specification.
    docker("stack", "config", "-c", file);
    // The test images exist on this engine only: Swarm must not look them up in a registry.
    docker("stack", "deploy", "--resolve-image", "never", "-c", file, STACK);
  });

  afterAll(async () => {
    try {
      docker("stack", "rm", STACK);
      await eventually(
        () => Promise.resolve(stackLeft()),
        (left) => !left,
        60_000,
        500,
      );
    } finally {
      if (joinedSwarm) docker("swarm", "leave", "--force");
    }
  });

  it("deploys every service, ready on the same ports gini probes", async () => {
    for (const url of [
      "http://127.0.0.1:13133/",
      "http://127.0.0.1:16686/",
      "http://127.0.0.1:9090/-/ready",
    ]) {
      expect(await eventually(() => answers(url), Boolean, 120_000, 1000), url).toBe(true);
    }
    const services = docker("stack", "services", STACK, "--format", "{{.Name}} {{.Replicas}}");
    expect(services.split("\n").sort()).toEqual([
      `${STACK}_jaeger 1/1`,
      `${STACK}_otel-collector 1/1`,
      `${STACK}_prometheus 1/1`,
    ]);
  });

  it("takes spans over OTLP/gRPC and shows them in Jaeger", async () => {
    const span = newSpan(SERVICE, "GET /swarm");
    // The collector answers before its exporter to Jaeger connects: retry until it accepts.
    const sent = await eventually(
      () => exportGrpc("127.0.0.1:4317", encodeRequest(span)).catch(() => undefined),
      (r) => r?.grpcStatus === "0",
      60_000,
      1000,
    );
    expect(sent).toMatchObject({ httpStatus: 200, grpcStatus: "0" });
    const listed = await eventually(
      () => json<{ services?: string[] }>("http://127.0.0.1:16686/api/v3/services"),
      (doc) => !!doc?.services?.includes(SERVICE),
    );
    expect(listed?.services).toContain(SERVICE);
    const hour = 3_600_000;
    const q = new URLSearchParams({
      "query.service_name": SERVICE,
      "query.start_time_min": new Date(Date.now() - hour).toISOString(),
      "query.start_time_max": new Date(Date.now() + hour).toISOString(),
      "query.num_traces": "20",
    });
    type Traces = {
      result?: { resourceSpans?: { scopeSpans: { spans: { traceId: string }[] }[] }[] };
    };
    const traces = await eventually(
      () => json<Traces>(`http://127.0.0.1:16686/api/v3/traces?${q.toString()}`),
      (doc) => (doc?.result?.resourceSpans?.length ?? 0) > 0,
    );
    const ids = (traces?.result?.resourceSpans ?? []).flatMap((rs) =>
      rs.scopeSpans.flatMap((s) => s.spans.map((sp) => sp.traceId)),
    );
    // api_v3 answers trace IDs in hex or base64 by release: compare both spellings.
    const base64 = Buffer.from(span.traceId, "hex").toString("base64");
    expect(ids.some((id) => id === span.traceId || id === base64)).toBe(true);
  });

  it("lets Prometheus scrape the collector's span metrics and self-metrics", async () => {
    type Targets = { data?: { activeTargets?: { scrapeUrl: string; health: string }[] } };
    const up = (doc: Targets | undefined) =>
      (doc?.data?.activeTargets ?? []).filter((t) => t.health === "up").map((t) => t.scrapeUrl);
    const targets = await eventually(
      () => json<Targets>("http://127.0.0.1:9090/api/v1/targets"),
      (doc) => up(doc).length >= 2,
      60_000,
      1000,
    );
    expect(up(targets).sort()).toEqual([
      "http://otel-collector:8888/metrics",
      "http://otel-collector:8889/metrics",
    ]);
  });
});

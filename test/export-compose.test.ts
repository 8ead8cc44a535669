// `gini export compose`'s file, unchanged, run both ways it promises: `docker stack deploy` on a real
// single-node Swarm and `docker compose up` (Compose v2) on the engine, each on the test images.
// Each takes spans, shows them in Jaeger, and its Prometheus scrapes the collector. The Swarm is
// joined only for its part and left afterwards.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { docker } from "./helpers/docker.js";
import { gini } from "./helpers/gini.js";
import { jaegerSpans } from "./helpers/jaeger.js";
import { encodeRequest, exportGrpc, newSpan } from "./helpers/otlp-client.js";
import { eventually } from "./helpers/poll.js";

const STACK = "gini-export-test";
const SERVICES = ["jaeger", "otel-collector", "prometheus"];

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

const networkLeft = () => docker("network", "ls", "-q", "--filter", "name=^gini-network$") !== "";

/** One way to run the exported file: deploy it, list what runs, remove it all. */
interface Deployment {
  title: string;
  deploy(file: string): void;
  /** `<service> <running>/<wanted>` per service, sorted. */
  running(): string[];
  remove(): Promise<void>;
}

let joinedSwarm = false;
const swarm: Deployment = {
  title: "a single-node Docker Swarm (docker stack deploy)",
  deploy(file) {
    if (docker("info", "--format", "{{.Swarm.LocalNodeState}}") !== "active") {
      docker("swarm", "init", "--advertise-addr", "127.0.0.1");
      joinedSwarm = true;
    }
    // The CLI's own Compose loader for stacks, stricter than the Compose Specification.
    docker("stack", "config", "-c", file);
    // The test images exist on this engine only: Swarm must not look them up in a registry.
    docker("stack", "deploy", "--resolve-image", "never", "-c", file, STACK);
  },
  running: () =>
    docker("stack", "services", STACK, "--format", "{{.Name}} {{.Replicas}}")
      .split("\n")
      .map((line) => line.replace(`${STACK}_`, ""))
      .sort(),
  async remove() {
    try {
      docker("stack", "rm", STACK);
      const left = () =>
        docker("ps", "-aq", "--filter", `label=com.docker.stack.namespace=${STACK}`) !== "" ||
        networkLeft();
      await eventually(
        () => Promise.resolve(left()),
        (l) => !l,
        60_000,
        500,
      );
    } finally {
      if (joinedSwarm) docker("swarm", "leave", "--force");
    }
  },
};

let composeFile = "";
const compose = (...args: string[]) =>
  execFileSync(inject("compose"), ["-f", composeFile, "-p", STACK, ...args], {
    encoding: "utf8",
    stdio: "pipe",
  }).trim();
const composeV2: Deployment = {
  title: "one engine (docker compose up, Compose v2)",
  deploy(file) {
    composeFile = file;
    compose("up", "--detach", "--pull", "never");
  },
  running: () =>
    compose("ps", "--format", "{{.Service}} {{.State}}")
      .split("\n")
      .map((line) => line.replace(/ running$/, " 1/1"))
      .sort(),
  async remove() {
    if (composeFile) compose("down", "--volumes", "--timeout", "5");
    await Promise.resolve();
  },
};

describe.each([swarm, composeV2])("gini export compose's file on $title", (deployment) => {
  const dir = projectFixture({ name: "gini-export" });
  const file = join(dir, "stack.yml");
  const SERVICE = `export-test-${deployment === swarm ? "swarm" : "compose"}`;

  beforeAll(async () => {
    // Another file's stack leaves gini-network behind only when its `gini down` failed.
    if (networkLeft()) docker("network", "rm", "gini-network");
    const run = await gini(dir, ["export", "compose", "-o", file]);
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
    deployment.deploy(file);
  });

  afterAll(() => deployment.remove());

  it("runs every service, ready on the same ports gini probes", async () => {
    for (const url of [
      "http://127.0.0.1:13133/",
      "http://127.0.0.1:16686/",
      "http://127.0.0.1:9090/-/ready",
    ]) {
      expect(await eventually(() => answers(url), Boolean, 120_000, 1000), url).toBe(true);
    }
    expect(deployment.running()).toEqual(SERVICES.map((s) => `${s} 1/1`));
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
    const spans = await eventually(
      () => jaegerSpans(SERVICE),
      (found) => found.length > 0,
    );
    const ids = spans.map((sp) => sp.traceId);
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

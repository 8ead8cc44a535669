// The core of gini against a second engine: a real Podman service (Debian's podman) through its
// Docker-compatible API, as Fedora and RHEL users run it. Up from nothing with the demo apps and a
// container app, status, a second up that changes nothing, logs, spans end to end, and down.
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { gini, type Run } from "./helpers/gini.js";
import { StatusDoc, TracesDoc } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";
import { podman, type PodmanService, startPodman } from "./setup/podman.js";

const SERVICES = ["otel-collector", "jaeger", "prometheus"];
const PROJECT = "gini-podman";

describe("gini against Podman's Docker API", () => {
  let engine: PodmanService;
  const dir = projectFixture({
    name: PROJECT,
    files: {
      // The demo apps on the host, and one container app (any image that keeps running will do).
      "gini.yaml": [
        `name: ${PROJECT}`,
        "apps:",
        "  api:",
        `    command: node ${join(import.meta.dirname, "../dist/demo/api.js")}`,
        '    env: { PORT: "8000" }',
        "    ready: http://localhost:8000/health",
        "  sidecar:",
        `    image: ${inject("images").jaeger}`,
      ].join("\n"),
    },
  });
  const run = (args: string[]): Promise<Run> => gini(dir, args, { DOCKER_HOST: engine.host });
  const statusDoc = async () =>
    StatusDoc.parse(JSON.parse((await run(["status", "--json"])).stdout));
  const labelled = () =>
    podman(engine.env, "ps", "-aq", "--no-trunc", "--filter", `label=gini.project=${PROJECT}`);
  let up: Run;

  beforeAll(async () => {
    engine = await startPodman(inject("images"));
    await run(["down"]);
    up = await run(["up", "--detach"]);
  });
  afterAll(async () => {
    if (!engine) return;
    await run(["down"]);
    await engine.stop();
  });

  it("up from nothing starts the stack and both apps", () => {
    expect(up.stderr).not.toContain("error:");
    expect(up.code).toBe(0);
    expect(up.stdout).toContain("http://localhost:16686/monitor");
    expect(up.stdout + up.stderr).toMatch(/app api ready/);
  });

  it("status finds every service by name, running and healthy, with all its ports", async () => {
    const doc = await statusDoc();
    expect(doc.engine).toMatchObject({
      name: "Podman",
      endpoint: engine.host,
      source: "DOCKER_HOST",
    });
    expect(doc.network).toBe("gini-network");
    for (const name of SERVICES) {
      expect(doc.services.find((s) => s.name === name)).toMatchObject({
        state: "running",
        health: "healthy",
      });
    }
    // Podman's container list shows a run of ports by its first one; gini reads them all.
    const collector = doc.services.find((s) => s.name === "otel-collector")!;
    expect(collector.ports.map((p) => [p.hostIp, p.host])).toEqual(
      [4317, 4318, 8888, 8889, 13133].map((p) => ["127.0.0.1", p]),
    );
    expect(doc.apps.map((a) => [a.name, a.state])).toEqual([
      ["api", "running"],
      ["sidecar", "running"],
    ]);
  });

  it("the container app is on gini-network under its name, with the in-network endpoint", async () => {
    const [c] = JSON.parse(await podman(engine.env, "inspect", `${PROJECT}-sidecar`)) as {
      Config: { Env: string[] };
      NetworkSettings: { Networks: Record<string, { Aliases: string[] | null }> };
    }[];
    expect(c!.Config.Env).toContain("OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317");
    expect(c!.NetworkSettings.Networks["gini-network"]?.Aliases).toContain("sidecar");
  });

  it("Prometheus reaches the collector by name on gini-network", async () => {
    const targets = await eventually(
      async () => {
        const r = await fetch("http://127.0.0.1:9090/api/v1/targets");
        const doc = (await r.json()) as {
          data: { activeTargets: { scrapeUrl: string; health: string }[] };
        };
        return doc.data.activeTargets;
      },
      (t) => t.length > 0 && t.every((x) => x.health === "up"),
    );
    expect(targets.map((t) => [t.scrapeUrl, t.health]).sort()).toEqual([
      ["http://otel-collector:8888/metrics", "up"],
      ["http://otel-collector:8889/metrics", "up"],
    ]);
  });

  it("a second up changes nothing: the same containers keep running", async () => {
    const before = await labelled();
    const again = await run(["up", "--detach"]);
    expect(again.stderr).not.toContain("error:");
    expect(again.code).toBe(0);
    expect(await labelled()).toBe(before);
  });

  it("logs shows the collector's own lines", async () => {
    const logs = await run(["logs", "otel-collector", "--tail", "50"]);
    expect(logs.code).toBe(0);
    expect(logs.stdout + logs.stderr).toContain("Everything is ready");
  });

  it("the demo API's spans reach Jaeger through the collector", async () => {
    await fetch("http://127.0.0.1:8000/api/items");
    const doc = await eventually(
      async () =>
        TracesDoc.parse(JSON.parse((await run(["traces", "--service", "api", "--json"])).stdout)),
      (d) => d.traces.length > 0,
    );
    expect(doc.traces[0]?.rootService).toBe("api");
  });

  it("down removes the containers, the network and the apps", async () => {
    const down = await run(["down"]);
    expect(down.code).toBe(0);
    expect(await labelled()).toBe("");
    expect(await podman(engine.env, "network", "ls", "-q", "--filter", "name=^gini-network$")).toBe(
      "",
    );
    const doc = await statusDoc();
    expect(doc.services.map((s) => s.state)).toEqual(["missing", "missing", "missing"]);
    expect(doc.apps.map((a) => a.state)).toEqual(["stopped", "stopped"]);
  });
});

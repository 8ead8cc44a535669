import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, inject, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { containerId, inspect } from "./helpers/docker.js";
import { gini, projectDownAround, ROOT, spawnGini } from "./helpers/gini.js";
import { jaegerSpans } from "./helpers/jaeger.js";
import { StatusDoc } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";

/** Trace ID → services seen in it, from the traces `service` took part in during the last hour. */
async function tracesOf(service: string): Promise<Map<string, Set<string>>> {
  const traces = new Map<string, Set<string>>();
  for (const span of await jaegerSpans(service)) {
    traces.set(span.traceId, (traces.get(span.traceId) ?? new Set<string>()).add(span.service));
  }
  return traces;
}
const sortedServices = (traces: Map<string, Set<string>>) =>
  [...traces.values()].map((s) => [...s].sort());

function environ(pid: number): Record<string, string> {
  const raw = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean);
  return Object.fromEntries(
    raw.map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
  );
}

/** Running, not a zombie: a detached app outlives gini, so its reaper is init, which may be slow. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};

/** `gini status --json` in `dir`. */
async function status(dir: string): Promise<StatusDoc> {
  return StatusDoc.parse(JSON.parse((await gini(dir, ["status", "--json"])).stdout));
}

/** The pid `gini status` recorded for an app; throws when it has none. */
function pidOf(doc: StatusDoc, name: string): number {
  const pid = doc.apps.find((a) => a.name === name)?.pid;
  if (typeof pid !== "number") throw new Error(`gini status shows no pid for app ${name}`);
  return pid;
}

/** Processes whose command line runs one of the demo scripts of this checkout. */
function demoProcesses(): string[] {
  const r = spawnSync("pgrep", ["-af", join(ROOT, "dist/demo/")], { encoding: "utf8" });
  return r.stdout.split("\n").filter((l) => l && !l.includes("pgrep"));
}

describe("apps: the demo API and UI launched with the OTLP env injected", () => {
  const dir = projectFixture({ name: "gini-apps" });

  projectDownAround(dir);

  it("up --detach launches both apps, their spans reach the collector, down stops them", async () => {
    const run = await gini(dir, ["up", "--detach"]);
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("app ui       http://localhost:7860/");

    const running = await status(dir);
    expect(running.apps.map((a) => a.state)).toEqual(["running", "running"]);
    const pids = { api: pidOf(running, "api"), ui: pidOf(running, "ui") };
    expect(environ(pids.api)).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4317",
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
      OTEL_SERVICE_NAME: "gini-api",
      PORT: "8000",
    });
    expect(environ(pids.ui)).toMatchObject({
      OTEL_SERVICE_NAME: "gini-ui",
      API_URL: "http://localhost:8000",
    });
    expect(Number(environ(pids.api).OTEL_BSP_SCHEDULE_DELAY)).toBeLessThanOrEqual(1000);

    // One request through the UI: one trace across both services.
    const res = await fetch("http://localhost:7860/api/generate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "trace me" }),
    });
    expect(res.status).toBe(200);
    const traces = await eventually(
      () => tracesOf("gini-ui"),
      (all) => sortedServices(all).some((s) => s.includes("gini-api")),
    );
    expect(sortedServices(traces)).toContainEqual(["gini-api", "gini-ui"]);

    const logs = await gini(dir, ["logs", "api", "--tail", "20"]);
    expect(logs.stdout).toContain("gini-api listening");

    const down = await gini(dir, ["down"]);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain("app api stopped");
    expect(alive(pids.api)).toBe(false);
    expect(alive(pids.ui)).toBe(false);
    expect(demoProcesses()).toEqual([]);
  });

  it("foreground up streams prefixed app output; Ctrl-C stops the apps and keeps the stack", async () => {
    const child = spawnGini(dir, ["up"]);
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    await eventually(
      async () => out,
      (o) => o.includes("Ctrl-C stops the apps"),
      60_000,
    );
    expect(out).toMatch(/^\[api\] +gini-api listening/m);
    const running = await status(dir);
    const pids = [pidOf(running, "api"), pidOf(running, "ui")];
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    expect(code).toBe(0);
    expect(out).toContain("The stack keeps running");
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(demoProcesses()).toEqual([]);
    const after = await status(dir);
    expect(after.services.map((s) => s.state)).toEqual(["running", "running", "running"]);
  });

  it("an app that exits before it is ready fails up with its last lines", async () => {
    writeFileSync(
      join(dir, "gini.yaml"),
      [
        "name: gini-apps",
        "apps:",
        "  broken:",
        `    command: ${JSON.stringify(`node -e "console.log('boom: missing DATABASE_URL'); process.exit(3)"`)}`,
        "    ready: http://localhost:8123/",
      ].join("\n"),
    );
    const run = await gini(dir, ["up", "--detach"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: app broken exited with code 3 before it was ready$/m);
    expect(run.stderr).toMatch(/^ {2}\| boom: missing DATABASE_URL$/m);
  });

  it("runs an image: app as a container on gini-network with the in-network endpoint", async () => {
    // Any image will do: the Jaeger stand-in without a config keeps running on its own.
    writeFileSync(
      join(dir, "gini.yaml"),
      ["name: gini-apps", "apps:", "  sidecar:", `    image: ${inject("images").jaeger}`].join(
        "\n",
      ),
    );
    const run = await gini(dir, ["up", "--detach"]);
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
    const c = inspect("gini-apps-sidecar");
    expect(c.Config.Env).toEqual(
      expect.arrayContaining([
        "OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317",
        "OTEL_SERVICE_NAME=sidecar",
      ]),
    );
    expect(c.NetworkSettings.Networks["gini-network"]?.Aliases).toContain("sidecar");
    expect((await status(dir)).apps).toEqual([
      expect.objectContaining({ name: "sidecar", state: "running" }),
    ]);
    const logs = await gini(dir, ["logs", "sidecar"]);
    expect(logs.stdout + logs.stderr).toContain("Starting jaeger");
    expect((await gini(dir, ["down"])).code).toBe(0);
    expect(containerId("gini-apps-sidecar")).toBe("");
  });
});

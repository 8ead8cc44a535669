// The fault matrix: what goes wrong around a running stack, each fault made real against the
// engine, and what gini does about it. The "When things go wrong" table of
// docs/troubleshooting.md points here.
import { execFileSync, spawnSync } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { containersLabelled, docker, inspect, networkId } from "./helpers/docker.js";
import { restartEngine } from "./helpers/engine-restart.js";
import { gini, projectDownAround, ROOT, spawnGini } from "./helpers/gini.js";
import { StatusDoc, TracesDoc } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";

const PROJECT = "gini-faults";
const LABEL = `gini.project=${PROJECT}`;
const dir = projectFixture({ name: PROJECT });
const status = async () =>
  StatusDoc.parse(JSON.parse((await gini(dir, ["status", "--json"])).stdout));
const states = (doc: StatusDoc) => doc.services.map((s) => s.state);
const pidAlive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};
/** Resident memory of a process, in MiB. */
const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function upDetached(): Promise<void> {
  const run = await gini(dir, ["up", "--detach"]);
  expect(run.stderr).not.toContain("error:");
  expect(run.code).toBe(0);
}

/** Node processes running this checkout's demo API (not the shells that started them). */
const demoApis = () =>
  spawnSync("pgrep", ["-f", `^\\S*node ${join(ROOT, "dist/demo/api.js")}`], { encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean);

describe("faults around a running stack", () => {
  projectDownAround(dir);

  it("two gini up at once: one set of containers and apps, one network; down removes it all", async () => {
    const runs = await Promise.all([gini(dir, ["up", "--detach"]), gini(dir, ["up", "--detach"])]);
    // The project lock makes the second wait for the first, or fail naming it: never both at once.
    for (const r of runs) {
      if (r.code !== 0) expect(r.stderr).toMatch(/^error: another gini \(pid \d+/m);
    }
    expect(runs.map((r) => r.code)).toContain(0);
    expect(containersLabelled(LABEL)).toHaveLength(3);
    expect(
      docker("network", "ls", "-q", "--filter", "name=^gini-network$").split("\n"),
    ).toHaveLength(1);
    expect(demoApis()).toHaveLength(1);
    expect((await gini(dir, ["down"])).code).toBe(0);
    expect(networkId()).toBe("");
    expect(demoApis()).toEqual([]);
  });

  it("gini up killed with SIGKILL halfway: the next up finishes the job, down leaves nothing", async () => {
    await gini(dir, ["down"]); // from nothing, whatever an earlier test left
    const child = spawnGini(dir, ["up", "--detach"]);
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    // Halfway: the stack is up and the first app has been launched, the second not yet ready.
    await eventually(
      () => Promise.resolve(err),
      (e) => /app api started/.test(e),
      120_000,
      20,
    );
    child.kill("SIGKILL");
    await once(child, "exit");

    await upDetached();
    const doc = await status();
    expect(states(doc)).toEqual(["running", "running", "running"]);
    expect(doc.apps.map((a) => [a.name, a.state])).toEqual([
      ["api", "running"],
      ["ui", "running"],
    ]);
    const pids = doc.apps.map((a) => a.pid!);

    expect((await gini(dir, ["down"])).code).toBe(0);
    expect(containersLabelled(LABEL)).toEqual([]);
    expect(networkId()).toBe("");
    expect(pids.filter(pidAlive)).toEqual([]);
    // Nothing of the killed up survives either: both demo ports are free again.
    for (const port of [8000, 7860]) {
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    }
  });

  it("a stack container that crashes is restarted by the engine; status shows its restarts", async () => {
    await upDetached();
    const pid = inspect("otel-collector").State.Pid;
    // A crash, not a stop: the engine's restart policy ignores containers stopped on purpose.
    execFileSync("kill", ["-KILL", String(pid)]);
    const restarted = await eventually(
      status,
      (d) => {
        const c = d.services.find((s) => s.name === "otel-collector");
        return c?.state === "running" && c.health === "healthy" && (c.restartCount ?? 0) > 0;
      },
      60_000,
      500,
    );
    expect(restarted.services.find((s) => s.name === "otel-collector")).toMatchObject({
      state: "running",
      restartCount: 1,
    });
    const text = await gini(dir, ["status"]);
    expect(text.stdout).toMatch(/^otel-collector +running +healthy +1 /m);
  });

  it("the collector killed under traffic: the API keeps serving in bounded memory, spans flow again after up", async () => {
    await upDetached();
    const api = (await status()).apps.find((a) => a.name === "api")!.pid!;
    const traffic = spawnGini(dir, ["traffic", "--rps", "20", "--duration", "40s"]);
    await new Promise((r) => setTimeout(r, 3000));
    const before = rssMiB(api);
    docker("kill", "otel-collector");

    // 15 s without a collector: every request still answered.
    const outage = Date.now();
    let answered = 0;
    while (Date.now() - outage < 15_000) {
      const res = await fetch("http://127.0.0.1:8000/api/items");
      expect(res.status).toBe(200);
      answered++;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(answered).toBeGreaterThan(40);
    // The SDK's export queue is bounded: the API drops spans, it does not hoard them.
    expect(rssMiB(api) - before).toBeLessThan(64);

    const healed = Date.now();
    await upDetached();
    const doc = await eventually(
      async () =>
        TracesDoc.parse(
          JSON.parse((await gini(dir, ["traces", "--service", "gini-api", "--json"])).stdout),
        ),
      (d) => d.traces.some((t) => Date.parse(t.startTime) > healed),
      60_000,
      1000,
    );
    expect(doc.traces.some((t) => Date.parse(t.startTime) > healed)).toBe(true);
    traffic.kill("SIGINT");
    await once(traffic, "exit");
  });

  it("the Docker engine restarted under the stack: status says the services exited, up heals them", async () => {
    await upDetached();
    await restartEngine();
    const after = await status();
    // Every service listed, none running: an empty list must not pass.
    expect(after.services.map((s) => s.name)).toEqual(["otel-collector", "jaeger", "prometheus"]);
    for (const s of after.services) expect(s.state, s.name).not.toBe("running");
    const up = await gini(dir, ["up", "--detach"]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toMatch(/otel-collector started/);
    expect(states(await status())).toEqual(["running", "running", "running"]);
    expect((await status()).services.map((s) => s.health)).toEqual([
      "healthy",
      "healthy",
      "healthy",
    ]);
  });
});

describe("a detached app that crashes", () => {
  const appDir = projectFixture({
    name: "gini-faults-app",
    files: {
      "crash.js":
        "console.log('flaky started');\n" +
        "setTimeout(() => { console.error('boom: lost the database'); process.exit(3); }, 1500);\n",
      "gini.yaml": "apps:\n  flaky:\n    command: node crash.js\n",
    },
  });
  projectDownAround(appDir);

  it("status shows it exited, with its exit code and its last lines", async () => {
    const up = await gini(appDir, ["up", "--detach"]);
    expect(up.code, up.stderr).toBe(0);
    const read = async () =>
      StatusDoc.parse(JSON.parse((await gini(appDir, ["status", "--json"])).stdout));
    const doc = await eventually(read, (d) => d.apps[0]?.state === "exited", 30_000, 500);
    expect(doc.apps[0]).toMatchObject({ name: "flaky", state: "exited", exitCode: 3 });
    expect(doc.apps[0]?.lastLines).toEqual(["flaky started", "boom: lost the database"]);
    const text = await gini(appDir, ["status"]);
    expect(text.stdout).toMatch(/^flaky +exited \(code 3\)/m);
    expect(text.stdout).toContain("  | boom: lost the database");
  });
});

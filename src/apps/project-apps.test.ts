import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import { FakeDocker } from "../docker/docker.fake.js";
import type { LogLine } from "../docker/types.js";
import { processStartOf } from "./process-identity.js";
import { appFacts, appLogs, appsStatus, projectApps } from "./project-apps.js";
import { startApps } from "./start-apps.js";
import { writeState } from "./state-file.js";

/** api runs on the host (recorded with this test's own pid), ui never ran, worker is an image. */
async function setUp() {
  const project = fixtureProject({
    name: "unit",
    data: {
      apps: {
        api: { command: "node api.js", ready: "http://localhost:8000/health" },
        ui: { command: "node ui.js" },
        worker: { image: "img:1", env: { OTEL_SERVICE_NAME: "jobs" } },
      },
    },
  });
  const logFile = join(project.dir, ".gini", "logs", "api.log");
  const api = { pid: process.pid, processStart: processStartOf(process.pid) };
  await writeState(project.dir, {
    apps: [{ name: "api", ...api, startedAt: "2026-01-01T00:00:00.000Z", command: "x", logFile }],
  });
  mkdirSync(join(project.dir, ".gini", "logs"), { recursive: true });
  writeFileSync(logFile, "one\ntwo\n");
  const docker = new FakeDocker();
  const worker = projectApps(project).filter((a) => a.name === "worker");
  await startApps(project, worker, {
    detach: true,
    timeoutMs: 1000,
    publishedHost: "localhost",
    docker,
    pull: "missing",
    probe: async () => ({ ok: true, detail: "" }),
    clock: { now: () => 0, sleep: async () => {} },
    onEvent: () => {},
  });
  docker.logLines = ["worker says hi"];
  return { project, docker };
}

afterEach(removeProjectFixtures);

describe("the project's apps", () => {
  it("are host or container apps by whether gini.yaml gives an image, in its order", async () => {
    const { project } = await setUp();
    expect(projectApps(project).map((a) => [a.name, a.kind])).toEqual([
      ["api", "host"],
      ["ui", "host"],
      ["worker", "container"],
    ]);
  });

  it("show in `gini status` with the fields and order of its JSON document", async () => {
    const { project, docker } = await setUp();
    const status = JSON.stringify(await appsStatus(project, docker));
    expect(status).toBe(
      JSON.stringify([
        {
          name: "api",
          pid: process.pid,
          state: "running",
          url: "http://localhost:8000/",
          startedAt: "2026-01-01T00:00:00.000Z",
        },
        { name: "ui", pid: null, state: "stopped", url: null, startedAt: null },
        { name: "worker", pid: null, state: "running", url: null, startedAt: null },
      ]),
    );
  });

  it("give doctor their state and OTLP environment; without the engine, containers read as stopped", async () => {
    const { project, docker } = await setUp();
    const hostProcess = async (_p: unknown, name: string) =>
      name === "api"
        ? { state: "running" as const, pid: 7, envs: [{ OTEL_SERVICE_NAME: "gini-api" }] }
        : { state: "stopped" as const, pid: null, envs: [] };
    const facts = await appFacts(project, docker, hostProcess);
    expect(facts.map((f) => [f.name, f.kind, f.state, f.service])).toEqual([
      ["api", "host", "running", "gini-api"],
      ["ui", "host", "stopped", "ui"],
      ["worker", "container", "running", "jobs"],
    ]);
    expect(facts[2]!.envs[0]).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4317",
    });
    const down = await appFacts(project, undefined, hostProcess);
    expect(down[2]).toMatchObject({ state: "stopped", envs: [], service: "jobs" });
  });

  it("have logs once they ran: a host app's file, a container app's engine output", async () => {
    const { project, docker } = await setUp();
    const logs = appLogs(project, docker);
    expect(await Promise.all(logs.map((l) => l.hasRun()))).toEqual([true, false, true]);
    const lines: LogLine[] = [];
    const signal = new AbortController().signal;
    await logs[0]!.read({ tail: 1 }, (l) => lines.push(l), signal);
    await logs[2]!.read({}, (l) => lines.push(l), signal);
    expect(lines).toEqual([
      { stream: "stdout", text: "two" },
      { stream: "stdout", text: "worker says hi" },
    ]);
  });
});

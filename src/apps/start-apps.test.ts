import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import type { Project } from "../config/load.js";
import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import type { AppConfig } from "../config/schema.js";
import { FakeDocker } from "../docker/docker.fake.js";
import { GiniError } from "../errors.js";
import type { Clock } from "../health/clock.js";
import type { AppEvent, StartOptions } from "./app.js";
import { readProcStat } from "./proc-stat.js";
import { isAlive, processStartOf } from "./process-identity.js";
import { projectApps } from "./project-apps.js";
import { startApps } from "./start-apps.js";
import { type AppRecord, readState, writeState } from "./state-file.js";
import { type AppProcess, stopTree } from "./stop-tree.js";

/** A host app that marks itself ready by creating `<name>.up` in the project folder, then idles. */
const server = (name: string): AppConfig => ({
  command: `'${process.execPath}' -e "require('fs').writeFileSync('${name}.up', ''); setInterval(() => {}, 1000)"`,
  ready: `http://127.0.0.1:9/${name}`,
});

/** Fake time that still lets real processes run: each sleep takes 5 ms of real time. */
function slowClock(): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      await new Promise((resolve) => setTimeout(resolve, 5));
    },
  };
}

const pids: AppProcess[] = [];

function setUp(apps: Record<string, AppConfig>, over: Partial<StartOptions> = {}) {
  const project = fixtureProject({ name: "unit", data: { apps } });
  const docker = new FakeDocker();
  const events: AppEvent[] = [];
  const options: StartOptions = {
    detach: true,
    timeoutMs: 60_000,
    publishedHost: "localhost",
    docker,
    pull: "missing",
    // Ready once the app has created its marker file; nothing answers before it starts.
    probe: async (url) => ({
      ok: existsSync(join(project.dir, `${new URL(url).pathname.slice(1)}.up`)),
      detail: "connection refused",
    }),
    clock: slowClock(),
    onEvent: (e) => {
      events.push(e);
      if (e.type === "app-started" && e.pid)
        pids.push({ pid: e.pid, processStart: processStartOf(e.pid) });
    },
    ...over,
  };
  const start = (only?: string[]) =>
    startApps(
      project,
      projectApps(project).filter((app) => !only || only.includes(app.name)),
      options,
    );
  return { project, docker, events, start };
}

/** Whether the process `start` reported for the app still runs (a zombie does not). */
function runs(events: AppEvent[], app: string): boolean {
  const started = events.find((e) => e.type === "app-started" && e.app === app);
  const pid = started?.type === "app-started" ? started.pid : undefined;
  expect(pid, `pid of ${app}`).toBeGreaterThan(0);
  const stat = readProcStat(pid!);
  return stat !== undefined && stat.state !== "Z";
}

async function failure(work: Promise<unknown>): Promise<GiniError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GiniError);
  return err as GiniError;
}

/** A record of a process that has exited: a stale entry, as a crash leaves one. */
async function staleRecord(project: Project): Promise<AppRecord> {
  const child = spawn("true");
  await new Promise((resolve) => child.on("exit", resolve));
  const logFile = join(project.dir, ".gini", "logs", "old.log");
  return { name: "old", pid: child.pid!, startedAt: "", processStart: 1, command: "x", logFile };
}

afterEach(async () => {
  await Promise.all(pids.splice(0).map((app) => stopTree(app, { graceMs: 200 })));
  removeProjectFixtures();
});

describe("startApps and the state file", () => {
  it("tells the user about a state file it could not read, and starts the apps", async () => {
    const { project, events, start } = setUp({ api: server("api") });
    mkdirSync(join(project.dir, ".gini"), { recursive: true });
    writeFileSync(join(project.dir, ".gini", "state.json"), '{"apps": [{"name": "api", "pi');
    await start();
    const warning = events[0]?.type === "warning" ? events[0] : undefined;
    expect(warning?.text).toMatch(
      /^\.gini\/state\.json: not valid JSON .* kept as \.gini\/state\.json\.corrupt$/,
    );
    expect(warning?.hint).toBe(
      "an app it names may still run: find its pid in that file and stop it (kill PID)",
    );
    expect(runs(events, "api")).toBe(true);
    expect((await readState(project.dir)).apps.map((a) => a.name)).toEqual(["api"]);
  });

  it("points a host app at the collector on the published host it is handed", async () => {
    const api: AppConfig = {
      command: `'${process.execPath}' -e "require('fs').writeFileSync('api.up', process.env.OTEL_EXPORTER_OTLP_ENDPOINT); setInterval(() => {}, 1000)"`,
      ready: "http://127.0.0.1:9/api",
    };
    const { project, start } = setUp({ api }, { publishedHost: "build-box.lan" });
    await start();
    expect(readFileSync(join(project.dir, "api.up"), "utf8")).toBe("http://build-box.lan:4317");
  });

  it("keeps an unchanged detached app, and restarts it once its otlp: or env changed", async () => {
    const { project, start } = setUp({ api: server("api") });
    const pid = async () => (await readState(project.dir)).apps.find((a) => a.name === "api")!;
    // The fake probe answers while the marker exists: a stopped app's port answers no more.
    const unmark = () => rmSync(join(project.dir, "api.up"));
    await start();
    const first = await pid();
    await start();
    expect((await pid()).pid).toBe(first.pid);
    project.apps.api = { ...project.apps.api, otlp: "http" };
    unmark();
    await start();
    const second = await pid();
    expect(second.pid).not.toBe(first.pid);
    expect(isAlive(first)).toBe(false);
    project.apps.api = { ...project.apps.api, env: { PORT: "8001" } };
    unmark();
    await start();
    expect((await pid()).pid).not.toBe(second.pid);
  });

  it("keeps an app an older gini recorded without a spec while its command is the same", async () => {
    const { project, start } = setUp({ api: server("api") });
    await start();
    const [entry] = (await readState(project.dir)).apps;
    const older: AppRecord = { ...entry! };
    delete older.spec;
    await writeState(project.dir, { apps: [older] });
    await start();
    expect((await readState(project.dir)).apps[0]?.pid).toBe(entry!.pid);
  });
});

describe("startApps rollback", () => {
  it("stops what it started when a later app exits before it is ready", async () => {
    const { project, docker, events, start } = setUp({
      kept: { command: `'${process.execPath}' -e "setInterval(() => {}, 1000)"` },
      api: server("api"),
      sidecar: { image: "img:1" },
      broken: {
        command: "echo 'boom: missing DATABASE_URL'; exit 3",
        ready: "http://127.0.0.1:9/broken",
        depends_on: ["api"],
      },
    });
    await start(["kept"]); // an earlier `up -d` left it running
    const kept = (await readState(project.dir)).apps[0]!;
    await writeState(project.dir, { apps: [kept, await staleRecord(project)] });

    const err = await failure(start());
    expect(err.message).toBe("app broken exited with code 3 before it was ready");
    expect(err.details).toContain("boom: missing DATABASE_URL");
    expect(err.hint).toContain("`gini logs broken`");
    expect(events).toContainEqual({ type: "app-started", app: "kept", pid: kept.pid, kept: true });
    expect(events).toContainEqual(expect.objectContaining({ type: "app-ready", app: "api" }));
    // The apps this call started are stopped; the one kept from before runs on.
    expect(runs(events, "api")).toBe(false);
    expect(docker.calls).toContain("remove unit-sidecar");
    expect(docker.containers.size).toBe(0);
    expect(isAlive(kept)).toBe(true);
    // The state file lists exactly what still runs: no new app, no stale entry.
    expect((await readState(project.dir)).apps).toEqual([kept]);
  });

  it("names the app that cannot start once its siblings have launched, and stops them", async () => {
    const { project, events, start } = setUp({
      api: server("api"),
      ui: { command: "true", cwd: "missing-folder" },
    });
    const err = await failure(start());
    expect(err.message).toMatch(/^apps\.ui\.cwd: folder .*missing-folder not found$/);
    expect(err.hint).toBe("fix cwd in gini.yaml; it is relative to the project folder");
    // allSettled: api finished starting (and getting ready) before the cleanup looked.
    expect(events).toContainEqual(expect.objectContaining({ type: "app-ready", app: "api" }));
    expect(runs(events, "api")).toBe(false);
    expect((await readState(project.dir)).apps).toEqual([]);
  });

  it("stops an app that never gets ready, and the apps before it", async () => {
    const lines: string[] = [];
    const { project, events, start } = setUp(
      {
        api: { command: `'${process.execPath}' -e "setInterval(() => {}, 1000)"` },
        ui: {
          command: `echo waiting; '${process.execPath}' -e "setInterval(() => {}, 1000)"`,
          ready: "http://127.0.0.1:9/ui",
          depends_on: ["api"],
        },
      },
      { detach: false, timeoutMs: 2000, onLine: (app, line) => lines.push(`${app}: ${line}`) },
    );
    const err = await failure(start());
    expect(err.message).toBe(
      "app ui did not get ready within 2 s: GET http://127.0.0.1:9/ui → connection refused",
    );
    expect(err.details.at(-1)).toBe("waiting");
    expect(lines).toContain("ui: waiting");
    for (const app of ["api", "ui"]) {
      expect(runs(events, app), app).toBe(false);
    }
    expect((await readState(project.dir)).apps).toEqual([]);
  });
});

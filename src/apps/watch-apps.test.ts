import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { loadProject, type Project } from "../config/index.js";
import { projectFixture, removeProjectFixtures } from "../config/project.fake.js";
import { GiniError } from "../errors.js";
import type { App, StartedApp } from "./app.js";
import { watchApps, watchedApps, type WatchEvent } from "./watch-apps.js";

afterEach(removeProjectFixtures);

/** A host app's runs, as fakes: each restart ends the run before and starts pid + 1. */
function fakeRuns(options: { failReady?: (pid: number) => boolean } = {}) {
  const stopped: number[] = [];
  const exits = new Map<number, (how: string) => void>();
  const run = (pid: number): StartedApp => {
    const exited = new Promise<string>((resolve) => exits.set(pid, resolve));
    return {
      name: "api",
      url: null,
      id: { pid },
      kept: false,
      exited,
      waitReady: () =>
        options.failReady?.(pid)
          ? Promise.reject(new GiniError(`app api: exited with code 1 before it was ready`))
          : Promise.resolve(5),
      stop: () => {
        stopped.push(pid);
        exits.get(pid)!("signal SIGTERM");
        return Promise.resolve();
      },
      lastLines: () => Promise.resolve([`last line of ${pid}`]),
      restart: () => {
        exits.get(pid)!("signal SIGTERM");
        return Promise.resolve(run(pid + 1));
      },
    };
  };
  return { first: run(1), stopped, crash: (pid: number) => exits.get(pid)!("code 1") };
}

async function watching(lines: string[]) {
  const dir = projectFixture({
    files: { "gini.yaml": lines.join("\n"), "api/src/a.js": "", "api/notes.md": "" },
  });
  const project = await loadProject({ projectDir: dir });
  const app = { name: "api", kind: "host", config: project.apps.api } as unknown as App;
  return { dir, project, app };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** watchApps over one app's fake runs, once its files are watched. */
async function started(project: Project, app: App, runs: ReturnType<typeof fakeRuns>) {
  const events: WatchEvent[] = [];
  const ctrlC = new AbortController();
  const watch = watchApps(project, [app], [runs.first], ctrlC.signal, (e) => events.push(e));
  await sleep(300);
  return { runs, events, ctrlC, watch };
}

/** Longer than a burst's quiet time and a fake restart. */
const SETTLE_MS = 900;

describe("up --watch restarts apps as their files change", () => {
  const yaml = ["apps:", "  api: { command: x, cwd: api, ignore: ['*.md'] }"];

  it("restarts on a watched file, says which, and stops the current run at Ctrl-C", async () => {
    const { dir, project, app } = await watching(yaml);
    const { runs, events, ctrlC, watch } = await started(project, app, fakeRuns());
    expect(events).toEqual([{ type: "watching", app: "api", paths: ["api"] }]);
    writeFileSync(join(dir, "api/notes.md"), "ignored");
    await sleep(SETTLE_MS);
    expect(events).toHaveLength(1);
    const before = Date.now();
    writeFileSync(join(dir, "api/src/a.js"), "1");
    await sleep(SETTLE_MS);
    expect(events.slice(1).map((e) => e.type)).toEqual(["change", "restarted"]);
    expect(events[1]).toEqual({ type: "change", app: "api", files: ["api/src/a.js"] });
    const restarted = events[2] as Extract<WatchEvent, { type: "restarted" }>;
    expect(restarted).toMatchObject({ pid: 2, service: "api", ms: 5 });
    expect(restarted.before.to).toBeGreaterThanOrEqual(before);
    expect(restarted.readyAt).toBeGreaterThan(restarted.before.to);
    ctrlC.abort();
    await watch.done;
    expect(runs.stopped).toEqual([2]);
  });

  it("reports an app that exits on its own and restarts it on the next change", async () => {
    const { dir, project, app } = await watching(yaml);
    const { runs, events, ctrlC, watch } = await started(project, app, fakeRuns());
    runs.crash(1);
    await sleep(50);
    expect(events[1]).toEqual({
      type: "exited",
      app: "api",
      how: "code 1",
      lastLines: ["last line of 1"],
    });
    writeFileSync(join(dir, "api/src/a.js"), "fixed");
    await sleep(SETTLE_MS);
    expect(events.slice(2).map((e) => e.type)).toEqual(["change", "restarted"]);
    ctrlC.abort();
    await watch.done;
    expect(runs.stopped).toEqual([2]);
  });

  it("says a restart failed, leaves the exited run alone, and tries again on the next change", async () => {
    const { dir, project, app } = await watching(yaml);
    const failing = fakeRuns({ failReady: (pid) => pid === 2 });
    const { runs, events, ctrlC, watch } = await started(project, app, failing);
    writeFileSync(join(dir, "api/src/a.js"), "broken");
    await sleep(SETTLE_MS);
    expect(events.slice(1).map((e) => e.type)).toEqual(["change", "restart-failed"]);
    writeFileSync(join(dir, "api/src/a.js"), "fixed");
    await sleep(SETTLE_MS);
    expect(events.slice(3).map((e) => e.type)).toEqual(["change", "restarted"]);
    expect(events.at(-1)).toMatchObject({ pid: 3 });
    ctrlC.abort();
    await watch.done;
    expect(runs.stopped).toEqual([3]);
  });
});

describe("what up --watch refuses before anything starts", () => {
  it("a watch: path that is not there, by its full path", async () => {
    const { project, app } = await watching([
      "apps:",
      "  api: { command: x, cwd: api, watch: [src, lib] }",
    ]);
    expect(() => watchedApps(project, [app])).toThrow(
      /gini\.yaml: apps\.api\.watch: \S+\/api\/lib not found/,
    );
  });

  it("a project whose apps all run in containers", async () => {
    const { project } = await watching(["apps:", "  api: { command: x }"]);
    const container = {
      name: "web",
      kind: "container",
      config: { image: "nginx" },
    } as unknown as App;
    expect(() => watchedApps(project, [container])).toThrow("--watch: no app runs on the host");
  });
});

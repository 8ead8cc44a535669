import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

import { afterEach, describe, expect, it } from "vitest";

import { giniDir } from "../config/index.js";
import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import { downApps } from "./down-apps.js";
import { identify, type ProcessReader, processStartOf, psReader } from "./process-identity.js";
import { type AppRecord, readState, statePath, writeState } from "./state-file.js";

const started: number[] = [];

/** A detached app in its own process group, as launchApp starts one, recorded as gini records it. */
function liveApp(name: string, read?: ProcessReader): AppRecord {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
    detached: true,
    stdio: "ignore",
  });
  started.push(child.pid!);
  return {
    name,
    pid: child.pid!,
    startedAt: new Date().toISOString(),
    processStart: processStartOf(child.pid!, read),
    command: "node",
    logFile: "",
  };
}

const runs = (app: AppRecord) => identify(app) === "ours";

afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  removeProjectFixtures();
});

describe("downApps", () => {
  it("stops the recorded apps and removes the state file", async () => {
    const project = fixtureProject({ name: "unit" });
    const api = liveApp("api");
    await writeState(project.dir, { apps: [api] });
    expect(await downApps(project)).toEqual({ stopped: ["api"], warnings: [] });
    expect(runs(api)).toBe(false);
    expect(await readState(project.dir)).toEqual({ apps: [], problems: [] });
  });

  it("still stops every valid entry when another one is bad, and keeps the file aside", async () => {
    const project = fixtureProject({ name: "unit" });
    const api = liveApp("api");
    const text = JSON.stringify({ apps: [api, { name: "ui", pid: -1 }] });
    mkdirSync(giniDir(project.dir), { recursive: true });
    writeFileSync(statePath(project.dir), text);
    const { stopped, warnings } = await downApps(project);
    expect(stopped).toEqual(["api"]);
    expect(runs(api)).toBe(false);
    expect(warnings.map((w) => w.text)).toEqual([
      expect.stringContaining("entry 2 (ui) is not valid"),
    ]);
    expect(readFileSync(`${statePath(project.dir)}.corrupt`, "utf8")).toBe(text);
  });

  it("without /proc, proves identity through ps before it signals", async () => {
    const project = fixtureProject({ name: "unit" });
    const api = liveApp("api", psReader);
    expect(api.processStart).toBeGreaterThan(1_000_000_000); // Unix seconds, not clock ticks
    // The same pid, recorded with another start time: a stranger that reused it.
    const ui = liveApp("ui", psReader);
    const stranger = { ...ui, processStart: ui.processStart - 60 };
    await writeState(project.dir, { apps: [api, stranger] });
    expect(await downApps(project, psReader)).toEqual({ stopped: ["api"], warnings: [] });
    expect(runs(api)).toBe(false);
    expect(identify(ui, psReader)).toBe("ours"); // never signalled
    expect((await readState(project.dir)).apps).toEqual([]);
  });

  it("sends no signal when it cannot tell the process is still the app, and says so", async () => {
    const project = fixtureProject({ name: "unit" });
    const api = liveApp("api");
    const old = { ...liveApp("old"), processStart: 0 }; // an older gini on macOS recorded none
    await writeState(project.dir, { apps: [api, old] });
    const { stopped, warnings } = await downApps(project, () => undefined);
    expect(stopped).toEqual([]);
    expect(warnings).toEqual(
      [api, old].map((a) => ({
        text: `app ${a.name} not stopped: cannot tell pid ${a.pid} is still ours`,
        hint: `if \`ps -p ${a.pid}\` shows the app, stop it by hand: kill ${a.pid}`,
      })),
    );
    expect(runs(api)).toBe(true);
    // Kept, so a later `down` (once identity can be read) or the user can still find them.
    expect((await readState(project.dir)).apps).toEqual([api, old]);
  });
});

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import {
  type AppRecord,
  isAlive,
  processStartOf,
  readState,
  removeState,
  statePath,
  writeState,
} from "./state-file.js";

const project = () => mkdtempSync(join(tmpdir(), "gini-state-"));

const entry = (over: Partial<AppRecord> = {}): AppRecord => ({
  name: "api",
  pid: process.pid,
  startedAt: "2026-01-01T00:00:00.000Z",
  processStart: processStartOf(process.pid),
  command: "node api.js",
  logFile: "/tmp/api.log",
  ...over,
});

describe("state file", () => {
  it("round-trips through .gini/state.json", async () => {
    const dir = project();
    const state = { apps: [entry(), entry({ name: "ui", pid: 4242, processStart: 7 })] };
    await writeState(dir, state);
    expect(statePath(dir)).toBe(join(dir, ".gini", "state.json"));
    expect(await readState(dir)).toEqual(state);
    await removeState(dir);
    expect(existsSync(statePath(dir))).toBe(false);
    await removeState(dir); // twice is fine
  });

  it("survives concurrent writes, as apps of one wave record themselves", async () => {
    const dir = project();
    const states = ["a", "b", "c", "d"].map((name) => ({ apps: [entry({ name })] }));
    await Promise.all(states.map((state) => writeState(dir, state)));
    expect(states).toContainEqual(await readState(dir));
  });

  it("reads a missing file as no apps", async () => {
    expect(await readState(project())).toEqual({ apps: [] });
  });

  it.each([["not json {"], ['{"apps": [{"name": "api"}]}'], ["[]"], ["null"]])(
    "reads a corrupt file (%s) as no apps",
    async (text) => {
      const dir = project();
      mkdirSync(join(dir, ".gini"));
      writeFileSync(statePath(dir), text);
      expect(await readState(dir)).toEqual({ apps: [] });
    },
  );
});

describe("isAlive", () => {
  it("is true for a live process with its recorded start time", () => {
    expect(processStartOf(process.pid)).toBeGreaterThan(0);
    expect(isAlive(entry())).toBe(true);
  });

  it("is false when the pid was reused by another process (start time differs)", () => {
    expect(isAlive(entry({ processStart: processStartOf(process.pid) + 1 }))).toBe(false);
  });

  it("is false for a pid that is gone", async () => {
    const child = spawn("true");
    const pid = child.pid!;
    const start = processStartOf(pid);
    await new Promise((resolve) => child.on("exit", resolve));
    expect(isAlive({ pid, processStart: start })).toBe(false);
  });
});

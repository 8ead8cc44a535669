import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { ensureGiniDir } from "../config/index.js";
import { tempFolder } from "../config/project.fake.js";
import {
  type AppRecord,
  loadState,
  readState,
  removeState,
  statePath,
  writeState,
} from "./state-file.js";

const project = () => tempFolder("gini-state-");

const entry = (over: Partial<AppRecord> = {}): AppRecord => ({
  name: "api",
  pid: 4242,
  startedAt: "2026-01-01T00:00:00.000Z",
  processStart: 7,
  command: "node api.js",
  logFile: "/tmp/api.log",
  ...over,
});

/** A project whose state file holds `text` as it is. */
function withStateText(text: string): string {
  const dir = project();
  mkdirSync(join(dir, ".gini"));
  writeFileSync(statePath(dir), text);
  return dir;
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe("state file", () => {
  it("round-trips through .gini/state.json", async () => {
    const dir = project();
    const state = { apps: [entry(), entry({ name: "ui", pid: 4243, processStart: 0 })] };
    await writeState(dir, state);
    expect(statePath(dir)).toBe(join(dir, ".gini", "state.json"));
    expect(await readState(dir)).toEqual({ ...state, problems: [] });
    await removeState(dir);
    expect(existsSync(statePath(dir))).toBe(false);
    await removeState(dir); // twice is fine
  });

  it("survives concurrent writes, as apps of one wave record themselves", async () => {
    const dir = project();
    const states = ["a", "b", "c", "d"].map((name) => ({ apps: [entry({ name })] }));
    await Promise.all(states.map((state) => writeState(dir, state)));
    expect(states).toContainEqual({ apps: (await readState(dir)).apps });
  });

  it("reads a missing file as no apps and no problem", async () => {
    expect(await readState(project())).toEqual({ apps: [], problems: [] });
    expect(await loadState(project())).toEqual({ apps: [], warnings: [] });
  });
});

describe("a state file with problems", () => {
  it("keeps the valid entries when one is bad, and names the bad one", async () => {
    const good = entry();
    const text = JSON.stringify({ apps: [good, { ...entry({ name: "ui" }), pid: "12" }] });
    const dir = withStateText(text);
    expect(await readState(dir)).toEqual({
      apps: [good],
      problems: ["entry 2 (ui) is not valid: pid: Invalid input: expected number, received string"],
    });
  });

  it("sets a file with a bad entry aside as state.json.corrupt and writes back the valid ones", async () => {
    const good = entry();
    const text = JSON.stringify({ apps: [good, { name: "ui" }] });
    const dir = withStateText(text);
    const { apps, warnings } = await loadState(dir);
    expect(apps).toEqual([good]);
    expect(readFileSync(`${statePath(dir)}.corrupt`, "utf8")).toBe(text);
    expect((await readState(dir)).apps).toEqual([good]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.text).toMatch(
      /^\.gini\/state\.json: entry 2 \(ui\) is not valid: pid: .*\. The file is kept as \.gini\/state\.json\.corrupt; its valid entries are used$/,
    );
    expect(warnings[0]!.hint).toBe(
      "an app it names may still run: find its pid in that file and stop it (kill PID)",
    );
  });

  it.each([['{"apps": [{"name": "api", "pid": 12'], ["not json {"], ["[]"], ["null"], [""]])(
    "renames a file that does not parse (%j) to state.json.corrupt, never deleting it",
    async (text) => {
      const dir = withStateText(text);
      expect((await readState(dir)).apps).toEqual([]);
      const { apps, warnings } = await loadState(dir);
      expect(apps).toEqual([]);
      expect(existsSync(statePath(dir))).toBe(false);
      expect(readFileSync(`${statePath(dir)}.corrupt`, "utf8")).toBe(text);
      expect(warnings[0]?.text).toMatch(
        /^\.gini\/state\.json: .*The file is kept as \.gini\/state\.json\.corrupt$/,
      );
    },
  );

  it("does not overwrite an earlier corrupt file", async () => {
    const dir = withStateText("first {");
    await loadState(dir);
    writeFileSync(statePath(dir), "second {");
    const { warnings } = await loadState(dir);
    expect(readFileSync(`${statePath(dir)}.corrupt`, "utf8")).toBe("first {");
    expect(readFileSync(`${statePath(dir)}.corrupt.2`, "utf8")).toBe("second {");
    expect(warnings[0]?.text).toContain("kept as .gini/state.json.corrupt.2");
  });
});

describe("file modes", () => {
  it("creates .gini/ for the user only, and fixes what an older gini left readable", async () => {
    const dir = withStateText(JSON.stringify({ apps: [] }));
    mkdirSync(join(dir, ".gini", "logs"));
    for (const folder of [".gini", ".gini/logs"]) chmodSync(join(dir, folder), 0o755);
    chmodSync(statePath(dir), 0o644);
    await writeState(dir, { apps: [entry()] });
    expect(mode(join(dir, ".gini"))).toBe(0o700);
    expect(mode(join(dir, ".gini", "logs"))).toBe(0o700);
    expect(mode(statePath(dir))).toBe(0o600);
    expect(mode(join(dir, ".gini", ".gitignore"))).toBe(0o600);
  });

  it("makes a fresh .gini/ private", async () => {
    const dir = project();
    await ensureGiniDir(dir, "logs");
    expect(mode(join(dir, ".gini"))).toBe(0o700);
  });

  it("refuses a state.json that is a link: it reads, moves and chmods nothing through it", async () => {
    const dir = project();
    mkdirSync(join(dir, ".gini"));
    const victim = join(project(), "victim.json");
    writeFileSync(victim, "not gini's", { mode: 0o644 });
    symlinkSync(victim, statePath(dir));
    await expect(loadState(dir)).rejects.toThrow(
      /^\.gini\/state\.json is a symbolic link: gini keeps its own files there/,
    );
    expect(mode(victim)).toBe(0o644);
    expect(readFileSync(victim, "utf8")).toBe("not gini's");
    expect(existsSync(`${statePath(dir)}.corrupt`)).toBe(false);
  });

  it("keeps a corrupt file private", async () => {
    const dir = withStateText("oops");
    chmodSync(statePath(dir), 0o644);
    await loadState(dir);
    expect(mode(`${statePath(dir)}.corrupt`)).toBe(0o600);
  });
});

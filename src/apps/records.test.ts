import { mkdirSync, writeFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { giniDir } from "../config/index.js";
import { tempFolder } from "../config/project.fake.js";
import { processStartOf } from "./process-identity.js";
import { AppRecords } from "./records.js";
import { type AppRecord, readState, statePath } from "./state-file.js";

const record = (name: string): AppRecord => ({
  name,
  pid: process.pid, // alive for the whole test
  startedAt: "2026-01-01T00:00:00.000Z",
  processStart: processStartOf(process.pid),
  command: `node ${name}.js`,
  logFile: "",
});

describe("AppRecords.load", () => {
  it("warns about a set-aside file and an app it cannot identify, reusing neither", async () => {
    const dir = tempFolder("gini-records-");
    mkdirSync(giniDir(dir));
    const text = JSON.stringify({ apps: [record("api"), { name: "ui" }] });
    writeFileSync(statePath(dir), text);
    const records = await AppRecords.load(dir, () => undefined);
    expect(records.warnings.map((w) => w.text)).toEqual([
      expect.stringContaining("The file is kept as .gini/state.json.corrupt"),
      `app api not stopped: cannot tell pid ${process.pid} is still ours`,
    ]);
    expect(records.previous("api")).toBeUndefined();
    await records.save();
    // Still recorded, so `gini down` names it again rather than forgetting it.
    expect((await readState(dir)).apps).toEqual([record("api")]);
  });

  it("reuses an app whose process is provably the recorded one", async () => {
    const dir = tempFolder("gini-records-");
    mkdirSync(giniDir(dir));
    writeFileSync(statePath(dir), JSON.stringify({ apps: [record("api")] }));
    const records = await AppRecords.load(dir);
    expect(records.warnings).toEqual([]);
    expect(records.previous("api")).toEqual(record("api"));
  });
});

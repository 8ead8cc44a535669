import { execFileSync } from "node:child_process";

import { describe, expect, it } from "vitest";

import { readExitMark, withExitMark } from "./exit-mark.js";

const runLines = (command: string) => {
  try {
    return execFileSync("sh", ["-c", withExitMark(command)], { encoding: "utf8" }).split("\n");
  } catch (err) {
    return String((err as { stdout: string }).stdout).split("\n");
  }
};

describe("a detached app's exit code, through its log", () => {
  it("is written by the shell after the command and read back with the app's last lines", () => {
    const lines = runLines("echo starting; echo boom: no DATABASE_URL >&2; exit 3");
    expect(readExitMark(lines)).toEqual({
      exitCode: 3,
      lastLines: ["starting"],
    });
  });

  it("keeps the command's own exit status, also for a multi-line command", () => {
    expect(readExitMark(runLines("true\nfalse")).exitCode).toBe(1);
    expect(readExitMark(runLines("echo -n no newline; exit 0")).exitCode).toBe(0);
  });

  it("says nothing of a log without the line: a stopped app, or an older gini's", () => {
    expect(
      readExitMark(["--- gini: 2026-01-01T00:00:00Z starting api: node api.js", "listening"]),
    ).toEqual({ exitCode: null, lastLines: ["listening"] });
  });

  it("gives at most the last five lines of output, without gini's own lines", () => {
    const lines = ["--- gini: starting", ...Array.from({ length: 8 }, (_, i) => `l${i}`)];
    expect(readExitMark(lines).lastLines).toEqual(["l3", "l4", "l5", "l6", "l7"]);
  });
});

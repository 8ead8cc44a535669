import { spawn } from "node:child_process";

import { describe, expect, it } from "vitest";

import {
  identify,
  isAlive,
  parsePsLine,
  processStartOf,
  procReader,
  psReader,
} from "./process-identity.js";

const self = (read = procReader) => ({
  pid: process.pid,
  processStart: processStartOf(process.pid, read),
});

/** A pid that has just exited, with the start time it had. */
async function exitedPid(read = procReader) {
  const child = spawn("true");
  const pid = child.pid!;
  const processStart = processStartOf(pid, read);
  await new Promise((resolve) => child.on("exit", resolve));
  return { pid, processStart };
}

describe("parsePsLine", () => {
  it("reads the state and the local start time of `ps -o stat=,lstart=`", () => {
    const start = new Date(2026, 2, 3, 10, 12, 1).getTime() / 1000;
    expect(parsePsLine("Ss   Tue Mar  3 10:12:01 2026")).toEqual({ zombie: false, start });
    expect(parsePsLine("Z+   Tue Mar  3 10:12:01 2026")).toEqual({ zombie: true, start });
  });

  it.each([[""], ["Ss"], ["Ss Tue Foo 3 10:12:01 2026"], ["Ss 10:12"]])("rejects %j", (line) => {
    expect(parsePsLine(line)).toBeUndefined();
  });
});

describe("psReader, the reader without /proc", () => {
  it("reads this process's start time to the second", () => {
    const info = psReader(process.pid);
    const started = Date.now() / 1000 - process.uptime();
    expect(info?.zombie).toBe(false);
    expect(Math.abs(info!.start - started)).toBeLessThanOrEqual(2);
  });

  it("reads nothing for a pid that is gone", async () => {
    expect(psReader((await exitedPid()).pid)).toBeUndefined();
  });
});

describe.each([
  ["/proc", procReader],
  ["ps", psReader],
])("identify, reading %s", (_name, read) => {
  it("is ours for a live process with its recorded start time", () => {
    expect(self(read).processStart).toBeGreaterThan(0);
    expect(identify(self(read), read)).toBe("ours");
  });

  it("is gone when the pid was reused by another process (start time differs)", () => {
    expect(identify({ ...self(read), processStart: self(read).processStart - 1 }, read)).toBe(
      "gone",
    );
  });

  it("is gone for a pid that has exited", async () => {
    expect(identify(await exitedPid(read), read)).toBe("gone");
  });
});

describe("identify without a start time", () => {
  it("is unknown when the platform cannot read a live process's start time", () => {
    expect(identify(self(), () => undefined)).toBe("unknown");
  });

  it("is unknown for an entry that recorded none (an older gini without /proc)", () => {
    expect(identify({ pid: process.pid, processStart: 0 })).toBe("unknown");
  });

  it("is gone, not unknown, when the process no longer exists", async () => {
    expect(identify({ ...(await exitedPid()), processStart: 0 }, () => undefined)).toBe("gone");
  });
});

describe("isAlive", () => {
  it("holds only for a process that is provably the recorded one", async () => {
    expect(isAlive(self())).toBe(true);
    expect(isAlive({ pid: process.pid, processStart: 0 })).toBe(false);
    expect(isAlive(await exitedPid())).toBe(false);
  });
});

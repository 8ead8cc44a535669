import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

import { afterEach, describe, expect, it } from "vitest";

import { ensureGiniDir } from "../config/index.js";
import { projectFixture, removeProjectFixtures } from "../config/project.fake.js";
import type { Clock } from "../health/index.js";
import { lockPath, lockProject } from "./project-lock.js";

function fakeClock(): Clock & { slept: number } {
  const clock = {
    slept: 0,
    now: () => clock.slept,
    sleep: async (ms: number) => void (clock.slept += ms),
  };
  return clock;
}

const execFileAsync = promisify(execFile);

afterEach(removeProjectFixtures);

describe("the project lock", () => {
  it("makes a second up wait a few seconds, then fail naming the pid that holds it", async () => {
    const dir = projectFixture();
    const first = await lockProject(dir, "up", { clock: fakeClock() });
    const clock = fakeClock();
    await expect(lockProject(dir, "up", { clock })).rejects.toMatchObject({
      message: expect.stringMatching(
        new RegExp(`^another gini \\(pid ${process.pid}, \`gini up\` since .+\\) is changing`),
      ) as unknown,
      hint: expect.stringContaining("wait until it ends") as unknown,
    });
    expect(clock.slept).toBe(5000);
    first.release();
    expect(existsSync(lockPath(dir))).toBe(false);
    (await lockProject(dir, "down", { clock })).release();
  });

  it("takes over a lock whose process is gone", async () => {
    const dir = projectFixture();
    await ensureGiniDir(dir, "logs");
    const stale = { pid: 2 ** 22 + 7, processStart: 1, command: "up", since: "earlier" };
    writeFileSync(lockPath(dir), JSON.stringify(stale));
    const clock = fakeClock();
    const lock = await lockProject(dir, "up", { clock });
    expect(clock.slept).toBe(0);
    expect(JSON.parse(readFileSync(lockPath(dir), "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it("fails at once, naming the lock, when it is a folder or a link instead of a file", async () => {
    const dir = projectFixture();
    await ensureGiniDir(dir, "logs");
    mkdirSync(lockPath(dir));
    const clock = fakeClock();
    await expect(lockProject(dir, "down", { clock })).rejects.toMatchObject({
      message: `the project lock ${lockPath(dir)} is not a file`,
      hint: expect.stringContaining("remove it") as unknown,
    });
    rmdirSync(lockPath(dir));
    symlinkSync(join(dir, "nowhere"), lockPath(dir));
    await expect(lockProject(dir, "down", { clock })).rejects.toThrow(
      /^\.gini\/lock is a symbolic link/,
    );
    expect(clock.slept).toBe(0);
  });

  it("releases at process exit", async () => {
    const dir = projectFixture();
    const before = process.listeners("exit");
    await lockProject(dir, "up", { clock: fakeClock() });
    for (const onExit of process.listeners("exit").filter((l) => !before.includes(l))) onExit(0);
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it("gives a stale lock to one gini only, however many race for it", async () => {
    // Four processes, each taking the lock 25 times and handing it on as a stale lock (a dead
    // holder's), so that every round all the others race to take it over. A holder creates a
    // marker file exclusively while it holds the lock: a second holder would find it there.
    const dir = projectFixture();
    await ensureGiniDir(dir, "logs");
    const script = join(dir, "racer.mts");
    writeFileSync(script, RACER);
    const racers = Array.from({ length: 4 }, () =>
      execFileAsync(process.execPath, ["--import", "tsx", script, dir, "25"], {
        cwd: join(import.meta.dirname, "../.."),
      }),
    );
    const outputs = await Promise.all(racers);
    expect(outputs.map((o) => o.stdout.trim())).toEqual([
      "25 held",
      "25 held",
      "25 held",
      "25 held",
    ]);
  }, 60_000);
});

const RACER = `
import { openSync, closeSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lockPath, lockProject } from ${JSON.stringify(join(import.meta.dirname, "project-lock.ts"))};
const [dir, rounds] = [process.argv[2], Number(process.argv[3])];
const clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
const stale = JSON.stringify({ pid: 2 ** 22 + 7, processStart: 1, command: "up", since: "then" });
for (let i = 0; i < rounds; i++) {
  await lockProject(dir, "up", { clock, waitMs: 20_000, pollMs: 5 });
  closeSync(openSync(join(dir, "held"), "wx")); // throws EEXIST with two holders
  await new Promise((r) => setTimeout(r, 2));
  rmSync(join(dir, "held"));
  const aside = join(dir, ".gini", "stale." + process.pid);
  writeFileSync(aside, stale);
  renameSync(aside, lockPath(dir));
}
console.log(rounds + " held");
`;

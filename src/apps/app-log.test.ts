import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";

import { afterEach, describe, expect, it } from "vitest";

import { ensureGiniDir } from "../config/index.js";
import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import { FakeDocker } from "../docker/docker.fake.js";
import { logFileOf, previousLogOf, readAppLog, rotateLog } from "./app-log.js";
import { projectApps } from "./project-apps.js";

afterEach(removeProjectFixtures);

/** A project with one host app, `api`, and its (empty) logs folder. */
async function apiProject() {
  const project = fixtureProject({ name: "unit", data: { apps: { api: { command: "x" } } } });
  await ensureGiniDir(project.dir, "logs");
  return { project, log: logFileOf(project.dir, "api") };
}

async function read(log: string, tail?: number): Promise<string[]> {
  const lines: string[] = [];
  const options = { follow: false, ...(tail !== undefined ? { tail } : {}) };
  await readAppLog(log, options, (l) => lines.push(l), new AbortController().signal);
  return lines;
}

describe("rotateLog", () => {
  it("moves a log over the limit to <app>.log.1, replacing an older one, and keeps a small one", async () => {
    const { log } = await apiProject();
    writeFileSync(log, "small\n");
    rotateLog(log, 10);
    expect(readFileSync(log, "utf8")).toBe("small\n");
    writeFileSync(previousLogOf(log), "oldest\n");
    writeFileSync(log, "more than ten bytes\n");
    rotateLog(log, 10);
    expect(existsSync(log)).toBe(false);
    expect(readFileSync(previousLogOf(log), "utf8")).toBe("more than ten bytes\n");
    rotateLog(log, 10); // nothing to rotate: fine
  });
});

describe("readAppLog", () => {
  it("reads the rotated file, then the current one, as one log", async () => {
    const { log } = await apiProject();
    writeFileSync(previousLogOf(log), "a\nb\n");
    writeFileSync(log, "c\nd\n");
    expect(await read(log)).toEqual(["a", "b", "c", "d"]);
    expect(await read(log, 3)).toEqual(["b", "c", "d"]);
    expect(await read(log, 2)).toEqual(["c", "d"]);
    expect(await read(log, 0)).toEqual([]);
  });

  it("reads a rotated log alone, as after a rotation before the new start wrote anything", async () => {
    const { log } = await apiProject();
    writeFileSync(previousLogOf(log), "a\nb\n");
    expect(await read(log)).toEqual(["a", "b"]);
  });
});

describe("`gini logs <app>` on a big log", () => {
  // 64 MiB: the old reader prepended each 64 KiB chunk to one buffer, about a minute here.
  const BLOCKS = 64;
  const block = Buffer.from(
    Array.from({ length: 32 * 1024 }, (_, i) => `${i}`.padEnd(31, ".")).join("\n") + "\n",
  );
  const LINES = BLOCKS * 32 * 1024 + 2;

  it("streams every line in order, and tails many lines, from either end of the file", async () => {
    const { project, log } = await apiProject();
    const fd = openSync(log, "w");
    writeSync(fd, "first\n");
    for (let i = 0; i < BLOCKS; i++) writeSync(fd, block);
    writeSync(fd, "last\n");
    closeSync(fd);
    const app = projectApps(project)[0]!;
    const docker = new FakeDocker();
    const signal = new AbortController().signal;
    let count = 0;
    const seen: string[] = [];
    await app.readLog(
      docker,
      {},
      ({ text }) => {
        if (count < 3 || count === LINES - 2 || count === LINES - 1) seen.push(text);
        count++;
      },
      signal,
    );
    expect(count).toBe(LINES);
    expect(seen).toEqual([
      "first",
      "0".padEnd(31, "."),
      "1".padEnd(31, "."),
      "32767".padEnd(31, "."),
      "last",
    ]);
    const tail: string[] = [];
    await app.readLog(docker, { tail: 500_000 }, ({ text }) => tail.push(text), signal);
    expect(tail.length).toBe(500_000);
    // "last", then 499 999 block lines: 15 whole blocks and the last 8 479 lines of another.
    expect([tail[0], tail.at(-1)]).toEqual([`${32 * 1024 - 8_479}`.padEnd(31, "."), "last"]);
  }, 20_000);
});

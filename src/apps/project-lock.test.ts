import { existsSync, readFileSync, writeFileSync } from "node:fs";

import { afterEach, describe, expect, it } from "vitest";

import { projectFixture, removeProjectFixtures } from "../../test/helpers/project-fixture.js";
import { ensureGiniDir } from "../config/index.js";
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

  it("releases at process exit", async () => {
    const dir = projectFixture();
    const before = process.listeners("exit");
    await lockProject(dir, "up", { clock: fakeClock() });
    for (const onExit of process.listeners("exit").filter((l) => !before.includes(l))) onExit(0);
    expect(existsSync(lockPath(dir))).toBe(false);
  });
});

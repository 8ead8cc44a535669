import { spawn } from "node:child_process";

import { afterEach, describe, expect, it } from "vitest";

import { listProcesses, readProcStat } from "./proc-stat.js";
import { stopTree } from "./stop-tree.js";

const started: number[] = [];

/** Starts `sh -c script` in its own process group, like launchApp does. */
function startTree(script: string): number {
  const child = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  started.push(child.pid!);
  return child.pid!;
}

/** The pids below `root`, through ppid links. */
function descendants(root: number): number[] {
  const all = listProcesses().filter((p) => p.state !== "Z");
  const found = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (found.has(p.ppid) && !found.has(p.pid)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  found.delete(root);
  return [...found];
}

/** Waits until `root` has `count` descendants and, if given, `ready` holds for them. */
async function waitForChildren(
  root: number,
  count: number,
  ready: (pids: number[]) => boolean = () => true,
): Promise<number[]> {
  for (let i = 0; i < 100; i++) {
    const pids = descendants(root);
    if (pids.length >= count && ready(pids)) return pids;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected ${count} children of ${root}, saw ${descendants(root).length}`);
}

const alive = (pid: number) => {
  const stat = readProcStat(pid);
  return stat !== undefined && stat.state !== "Z";
};

afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

describe("stopTree", () => {
  it("stops a shell and all its children with SIGTERM", async () => {
    const root = startTree("sleep 100 & sleep 100 & wait");
    const children = await waitForChildren(root, 2);
    const t0 = Date.now();
    await stopTree(root, { graceMs: 5000 });
    expect(Date.now() - t0).toBeLessThan(3000);
    for (const pid of [root, ...children]) expect(alive(pid), `pid ${pid}`).toBe(false);
  });

  it("kills what ignores SIGTERM once the grace period is over", async () => {
    const root = startTree("trap '' TERM; sleep 100 & sleep 100 & wait");
    const children = await waitForChildren(root, 2);
    const t0 = Date.now();
    await stopTree(root, { graceMs: 400 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    for (const pid of [root, ...children]) expect(alive(pid), `pid ${pid}`).toBe(false);
  });

  it("finds a child that left the process group", async () => {
    const root = startTree("setsid sleep 100 & sleep 100 & wait");
    // The forked child calls setsid() a moment after it appears: wait for it to have left.
    const left = (pids: number[]) => pids.some((pid) => readProcStat(pid)?.pgrp !== root);
    const children = await waitForChildren(root, 2, left);
    expect(left(children)).toBe(true);
    await stopTree(root, { graceMs: 2000 });
    for (const pid of [root, ...children]) expect(alive(pid), `pid ${pid}`).toBe(false);
  });

  it("stops children whose parent is already gone (still in the group)", async () => {
    const root = startTree("sleep 100 & sleep 100 & exit 0");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const orphans = listProcesses().filter((p) => p.pgrp === root && p.state !== "Z");
    expect(orphans.length).toBe(2);
    await stopTree(root, { graceMs: 2000 });
    for (const p of orphans) expect(alive(p.pid)).toBe(false);
  });

  it("accepts a pid that is already gone", async () => {
    const root = startTree("exit 0");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(stopTree(root, { graceMs: 100 })).resolves.toBeUndefined();
  });

  it("never signals itself or init", async () => {
    await stopTree(process.pid);
    await stopTree(1);
    expect(alive(process.pid)).toBe(true);
  });
});

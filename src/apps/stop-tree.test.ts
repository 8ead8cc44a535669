import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { listProcesses, readProcStat } from "./proc-stat.js";
import { processStartOf } from "./process-identity.js";
import { type AppProcess, stopTree } from "./stop-tree.js";

const started: number[] = [];

/** Starts `sh -c script` in its own process group, like launchApp does, and records it. */
function startTree(script: string): AppProcess {
  const child = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  started.push(child.pid!);
  return { pid: child.pid!, processStart: processStartOf(child.pid!) };
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
    const children = await waitForChildren(root.pid, 2);
    const t0 = Date.now();
    await stopTree(root, { graceMs: 5000 });
    expect(Date.now() - t0).toBeLessThan(3000);
    for (const pid of [root.pid, ...children]) expect(alive(pid), `pid ${pid}`).toBe(false);
  });

  it("kills what ignores SIGTERM once the grace period is over", async () => {
    const root = startTree("trap '' TERM; sleep 100 & sleep 100 & wait");
    const children = await waitForChildren(root.pid, 2);
    const t0 = Date.now();
    await stopTree(root, { graceMs: 400 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    for (const pid of [root.pid, ...children]) expect(alive(pid), `pid ${pid}`).toBe(false);
  });

  it("finds a child that left the process group", async () => {
    const root = startTree("setsid sleep 100 & sleep 100 & wait");
    // The forked child calls setsid() a moment after it appears: wait for it to have left.
    const left = (pids: number[]) => pids.some((pid) => readProcStat(pid)?.pgrp !== root.pid);
    const children = await waitForChildren(root.pid, 2, left);
    expect(left(children)).toBe(true);
    await stopTree(root, { graceMs: 2000 });
    for (const pid of [root.pid, ...children]) expect(alive(pid), `pid ${pid}`).toBe(false);
  });

  it("stops children whose parent is already gone (still in the group)", async () => {
    const root = startTree("sleep 100 & sleep 100 & exit 0");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const orphans = listProcesses().filter((p) => p.pgrp === root.pid && p.state !== "Z");
    expect(orphans.length).toBe(2);
    await stopTree(root, { graceMs: 2000 });
    for (const p of orphans) expect(alive(p.pid)).toBe(false);
  });

  it("accepts a pid that is already gone", async () => {
    const root = startTree("exit 0");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(stopTree(root, { graceMs: 100 })).resolves.toBeUndefined();
  });

  it("signals nothing of a pid that another process holds now, nor of an unknown start", async () => {
    // What a reused pid looks like: the pid runs, but it started at another time than recorded.
    const stranger = startTree("sleep 100 & sleep 100 & wait");
    const children = await waitForChildren(stranger.pid, 2);
    await stopTree({ ...stranger, processStart: stranger.processStart + 1 }, { graceMs: 100 });
    await stopTree({ ...stranger, processStart: 0 }, { graceMs: 100 });
    for (const pid of [stranger.pid, ...children]) expect(alive(pid), `pid ${pid}`).toBe(true);
  });

  it("never signals itself, its parent or init (in a pid namespace of its own)", () => {
    // Run where a wrong signal can be seen and harms nothing: init and the parent are shells
    // that print what they receive; stopTree runs in the child, aimed at all three.
    const dir = mkdtempSync(join(tmpdir(), "gini-stop-tree-"));
    const script = join(dir, "aim.mts");
    writeFileSync(
      script,
      [
        `import { stopTree } from ${JSON.stringify(join(import.meta.dirname, "stop-tree.ts"))};`,
        `import { processStartOf } from ${JSON.stringify(join(import.meta.dirname, "process-identity.ts"))};`,
        "for (const pid of [process.pid, process.ppid, 1])",
        "  await stopTree({ pid, processStart: processStartOf(pid) }, { graceMs: 300 });",
        'console.log("child survived");',
      ].join("\n"),
    );
    const parent = `trap 'echo parent signalled' TERM; ${process.execPath} --import tsx ${script}; echo parent done`;
    const init = `trap 'echo init signalled' TERM; sh -c "${parent}"; echo init done`;
    try {
      const out = execFileSync("unshare", ["--pid", "--fork", "--mount-proc", "sh", "-c", init], {
        encoding: "utf8",
        cwd: join(import.meta.dirname, "../.."),
      });
      expect(out.trim().split("\n")).toEqual(["child survived", "parent done", "init done"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000); // starts node with tsx in the namespace: seconds on a loaded machine
});

import { hasProcFs, listProcesses, type ProcStat } from "./proc-stat.js";
import { identify, psReader } from "./process-identity.js";

/** Grace between SIGTERM and SIGKILL when stopping an app's process tree. */
export const APP_STOP_GRACE_MS = 5000;

/** How long stopTree waits. */
export interface StopTreeOptions {
  /** Time between SIGTERM and SIGKILL; default APP_STOP_GRACE_MS. */
  graceMs?: number;
  /** How often to look whether the processes are gone. */
  pollMs?: number;
}

/** After SIGKILL, the kernel needs a moment; this bounds the wait so stopTree always returns. */
const KILL_WAIT_MS = 3000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal);
  } catch {
    // ESRCH: already gone, which is the goal. EPERM: not ours to stop.
  }
}

/**
 * The processes of one app's tree, followed over time. A process is tracked with its start time,
 * so a pid reused by a stranger is never signalled, and children are found through ppid links,
 * since a child may have left the process group (setsid, or a shell's job control).
 */
class Tree {
  readonly tracked = new Map<number, number>();
  /** Whether a tracked process is still in the root's group, so `kill(-root)` reaches ours. */
  private group = false;
  private readonly spared = new Set([process.pid, process.ppid, 1]);

  constructor(
    private readonly root: number,
    private readonly rootStart: number,
  ) {}

  /** Brings the set up to date and returns the pids first seen now. */
  refresh(): number[] {
    const live = new Map<number, ProcStat>();
    for (const stat of listProcesses()) {
      if (stat.state !== "Z" && !this.spared.has(stat.pid)) live.set(stat.pid, stat);
    }
    // The root's pid held by a process that started at another time (or at an unknown one) is a
    // stranger's, and so is its group; without the root, its group is still the app's, since
    // Linux never reuses a pid while a process group carries it.
    const rootNow = live.get(this.root);
    const ours = this.rootStart !== 0 && (!rootNow || rootNow.startTime === this.rootStart);
    for (const [pid, start] of this.tracked) {
      if (live.get(pid)?.startTime !== start) this.tracked.delete(pid);
    }
    const fresh: number[] = [];
    const add = (stat: ProcStat) => {
      if (this.tracked.has(stat.pid)) return;
      this.tracked.set(stat.pid, stat.startTime);
      fresh.push(stat.pid);
    };
    for (const stat of live.values()) {
      if (ours && (stat.pid === this.root || stat.pgrp === this.root)) add(stat);
    }
    // Descendants of anything tracked, to a fixed point.
    for (let grew = true; grew;) {
      grew = false;
      for (const stat of live.values()) {
        if (this.tracked.has(stat.ppid) && !this.tracked.has(stat.pid)) {
          add(stat);
          grew = true;
        }
      }
    }
    this.group = [...live.values()].some((s) => s.pgrp === this.root && this.tracked.has(s.pid));
    return fresh;
  }

  signal(pids: Iterable<number>, signal: NodeJS.Signals): void {
    if (this.group) send(-this.root, signal); // the group in one go, then each one by pid
    for (const pid of pids) send(pid, signal);
  }
}

/**
 * Without /proc (macOS): signal the group and the pid while `ps` shows the pid still started
 * when the app did, and watch the pid only.
 */
async function stopWithoutProc(app: AppProcess, graceMs: number, pollMs: number): Promise<void> {
  const { pid } = app;
  const alive = () => identify(app, psReader) === "ours";
  if (!alive()) return;
  send(-pid, "SIGTERM");
  send(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await sleep(pollMs);
  if (!alive()) return;
  send(-pid, "SIGKILL");
  send(pid, "SIGKILL");
}

/** An app's process as gini launched or recorded it: its pid and when it started. */
export interface AppProcess {
  pid: number;
  /** Its start time (processStartOf); 0 when unknown, which signals nothing. */
  processStart: number;
}

/**
 * Stops an app's process and everything it started: SIGTERM to its process group and to every
 * descendant, a grace period for them to exit, then SIGKILL for what is left. Resolves once none
 * of them runs (or, after SIGKILL, a bounded wait has passed). Every process is signalled only
 * while it is provably the app's (the start time of the pid, as `down` checks it): an app that
 * has exited, whose pid another program may hold now, is fine and nothing is signalled.
 */
export async function stopTree(app: AppProcess, options: StopTreeOptions = {}): Promise<void> {
  const { graceMs = APP_STOP_GRACE_MS, pollMs = 50 } = options;
  const { pid } = app;
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) return;
  if (!hasProcFs()) return stopWithoutProc(app, graceMs, pollMs);
  const tree = new Tree(pid, app.processStart);
  tree.signal(tree.refresh(), "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (tree.tracked.size > 0 && Date.now() < deadline) {
    await sleep(pollMs);
    // A child started during shutdown (a cleanup script, say) gets the same SIGTERM.
    const fresh = tree.refresh();
    if (fresh.length > 0) tree.signal(fresh, "SIGTERM");
  }
  const killDeadline = Date.now() + KILL_WAIT_MS;
  while (tree.tracked.size > 0 && Date.now() < killDeadline) {
    tree.signal(tree.tracked.keys(), "SIGKILL");
    await sleep(pollMs);
    tree.refresh();
  }
}

import { readFileSync } from "node:fs";

import type { Project } from "../config/index.js";
import { envFromEntries } from "../text/index.js";
import type { HostProcess } from "./app.js";
import { listProcesses } from "./proc-stat.js";
import { isAlive } from "./process-identity.js";
import { readState } from "./state-file.js";

/** A process's environment from /proc/<pid>/environ, or undefined when unreadable. */
function readEnviron(pid: number): Record<string, string> | undefined {
  try {
    return envFromEntries(readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean));
  } catch {
    return undefined;
  }
}

/**
 * The innermost processes of an app: gini starts each app through the shell in its own process
 * group, so the app is the group's leaves (the shell may have exec'd it, or may wait for it).
 */
function appLeaves(pid: number): number[] {
  const group = listProcesses().filter((p) => p.pgrp === pid && p.state !== "Z");
  const leaves = group.filter((p) => !group.some((q) => q.ppid === p.pid)).map((p) => p.pid);
  return leaves.length ? leaves : [pid];
}

/** What the state file and /proc say about a host app: the real HostProcessReader. */
export async function readHostProcess(project: Project, name: string): Promise<HostProcess> {
  const entry = (await readState(project.dir)).apps.find((a) => a.name === name);
  if (!entry) return { state: "stopped", pid: null, envs: [] };
  if (!isAlive(entry)) return { state: "exited", pid: entry.pid, envs: [] };
  const envs = appLeaves(entry.pid)
    .map(readEnviron)
    .filter((e): e is Record<string, string> => e !== undefined);
  return { state: "running", pid: entry.pid, envs };
}

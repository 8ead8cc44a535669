import { readdirSync, readFileSync } from "node:fs";

/** The fields of /proc/<pid>/stat that gini needs. */
export interface ProcStat {
  pid: number;
  /** One letter: R running, S sleeping, Z zombie, ... */
  state: string;
  ppid: number;
  /** Process group id. */
  pgrp: number;
  /** Start time in clock ticks since boot: with the pid, it identifies a process for good. */
  startTime: number;
}

/** True where /proc is there to read (Linux); elsewhere gini falls back to plain signals. */
export function hasProcFs(): boolean {
  try {
    readdirSync("/proc/self");
    return true;
  } catch {
    return false;
  }
}

/** Parses one /proc/<pid>/stat line, or undefined when the process is gone or unreadable. */
export function readProcStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // Field 2 is the command name in parentheses and may itself hold spaces and ')': the fields
  // after it start behind the last ')'.
  const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const [state, ppid, pgrp] = rest;
  const startTime = Number(rest[19]); // field 22 of stat(5); rest[0] is field 3
  if (!state || !Number.isFinite(startTime)) return undefined;
  return { pid, state, ppid: Number(ppid), pgrp: Number(pgrp), startTime };
}

/** Every process visible in /proc, or [] where there is no /proc. */
export function listProcesses(): ProcStat[] {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return [];
  }
  const stats: ProcStat[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (stat) stats.push(stat);
  }
  return stats;
}

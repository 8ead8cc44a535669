import { spawnSync } from "node:child_process";

import type { AppWarning } from "./app.js";
import { hasProcFs, readProcStat } from "./proc-stat.js";

/** A live process as the platform shows it. */
export interface ProcessInfo {
  /** Ended but not yet reaped by its parent: no longer the app. */
  zombie: boolean;
  /** When it started, in the reader's unit: /proc clock ticks since boot, or Unix seconds from ps. */
  start: number;
}

/**
 * Reads a process's start time, or undefined when the platform cannot say. The seam tests
 * replace to act as a system without /proc, or one where nothing can be read.
 */
export type ProcessReader = (pid: number) => ProcessInfo | undefined;

/** Linux: /proc/<pid>/stat, exact to the clock tick. */
export const procReader: ProcessReader = (pid) => {
  const stat = readProcStat(pid);
  return stat && { zombie: stat.state === "Z", start: stat.startTime };
};

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

/**
 * One line of `ps -o stat=,lstart=` in the C locale (`Ss   Tue Mar  3 10:12:01 2026`). lstart is
 * local time, read back with the same time zone rules, so the Unix seconds do not move with DST.
 */
export function parsePsLine(line: string): ProcessInfo | undefined {
  const m =
    /^\s*(\S+)\s+[A-Z][a-z]{2}\s+([A-Z][a-z]{2})\s+(\d+)\s+(\d+):(\d+):(\d+)\s+(\d{4})\s*$/.exec(
      line,
    );
  const month = m ? MONTHS.indexOf(m[2]!) / 3 : -1;
  if (!m || !Number.isInteger(month) || month < 0) return undefined;
  const [day = 0, hours, minutes, seconds, year = 0] = m.slice(3).map(Number);
  const start = new Date(year, month, day, hours, minutes, seconds).getTime() / 1000;
  return Number.isFinite(start) ? { zombie: m[1]!.startsWith("Z"), start } : undefined;
}

/** Without /proc (macOS, the BSDs): `ps`, whose lstart both procps and BSD ps print. */
export const psReader: ProcessReader = (pid) => {
  const ps = spawnSync("ps", ["-o", "stat=,lstart=", "-p", String(pid)], {
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C" },
    timeout: 5000,
  });
  return ps.status === 0 ? parsePsLine(ps.stdout.trim()) : undefined;
};

/** The reader for this system. */
function platformReader(): ProcessReader {
  return hasProcFs() ? procReader : psReader;
}

/** The start time of a live process, to record beside its pid; 0 when it cannot be read. */
export function processStartOf(pid: number, read: ProcessReader = platformReader()): number {
  return read(pid)?.start ?? 0;
}

/**
 * Whether a recorded process is still the one gini started: "ours" (same pid, same start time),
 * "gone" (no such process, a zombie, another user's, or a pid reused by another program), or
 * "unknown" (a process holds the pid but its start time cannot be read or was never recorded).
 * Only "ours" may be signalled.
 */
export type Identity = "ours" | "gone" | "unknown";

/** Tells whether the process of a record is still the app gini started. */
export function identify(
  entry: { pid: number; processStart: number },
  read: ProcessReader = platformReader(),
): Identity {
  try {
    process.kill(entry.pid, 0);
  } catch {
    return "gone"; // ESRCH: no such process. EPERM: another user's, so not one gini started.
  }
  const info = read(entry.pid);
  if (info?.zombie) return "gone";
  if (!info || entry.processStart === 0) return "unknown";
  return info.start === entry.processStart ? "ours" : "gone";
}

/** Records sorted by {@link identify}, dropping the ones whose process is gone. */
export function byIdentity<T extends { pid: number; processStart: number }>(
  entries: T[],
  read: ProcessReader = platformReader(),
): { ours: T[]; unknown: T[] } {
  const judged = entries.map((entry) => ({ entry, identity: identify(entry, read) }));
  const only = (identity: Identity) =>
    judged.filter((j) => j.identity === identity).map((j) => j.entry);
  return { ours: only("ours"), unknown: only("unknown") };
}

/** True when the recorded process still runs and is provably the one gini started. */
export function isAlive(entry: { pid: number; processStart: number }): boolean {
  return identify(entry) === "ours";
}

/** What `up` and `down` say about an app they leave alone because its identity is unknown. */
export function notStoppedWarning(entry: { name: string; pid: number }): AppWarning {
  return {
    text: `app ${entry.name} not stopped: cannot tell pid ${entry.pid} is still ours`,
    hint: `if \`ps -p ${entry.pid}\` shows the app, stop it by hand: kill ${entry.pid}`,
  };
}

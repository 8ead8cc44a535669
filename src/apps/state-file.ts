import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { z } from "zod";

import { hasProcFs, readProcStat } from "./proc-stat.js";

/** An entry of the state file, checked when read: a file that does not match reads as no apps. */
const appRecordSchema = z.object({
  name: z.string(),
  pid: z.number().int().positive(),
  /** ISO time gini started it, for `gini status`. */
  startedAt: z.string(),
  /** /proc start time of `pid` (clock ticks since boot); 0 where there is no /proc. */
  processStart: z.number().int().nonnegative(),
  command: z.string(),
  logFile: z.string(),
});

/** One app `gini up` started, as `.gini/state.json` records it: enough to find and stop it. */
export type AppRecord = z.infer<typeof appRecordSchema>;

/** The whole of `.gini/state.json`. */
interface StateFile {
  apps: AppRecord[];
}

const stateFileSchema = z.object({ apps: z.array(appRecordSchema) });

/** `.gini/` in the project folder: state and logs, git-ignored. */
export function giniDir(projectDir: string): string {
  return join(projectDir, ".gini");
}

/** `.gini/state.json` of the project. */
export function statePath(projectDir: string): string {
  return join(giniDir(projectDir), "state.json");
}

/**
 * The recorded apps. A missing, unreadable or corrupt file reads as "no apps": the state file
 * is a hint for stopping processes, and containers are found by label anyway.
 */
export async function readState(projectDir: string): Promise<StateFile> {
  try {
    const parsed = stateFileSchema.safeParse(
      JSON.parse(await readFile(statePath(projectDir), "utf8")),
    );
    return parsed.success ? parsed.data : { apps: [] };
  } catch {
    return { apps: [] };
  }
}

/**
 * Creates `.gini/` with a `.gitignore` of its own, so gini's state and logs stay out of the
 * user's repository without touching their files.
 */
export async function ensureGiniDir(projectDir: string): Promise<void> {
  await mkdir(join(giniDir(projectDir), "logs"), { recursive: true });
  await writeFile(join(giniDir(projectDir), ".gitignore"), "# written by gini\n*\n");
}

/** Writes the state, through a temporary file so a crash never leaves half a file. */
export async function writeState(projectDir: string, state: StateFile): Promise<void> {
  await ensureGiniDir(projectDir);
  const file = statePath(projectDir);
  // Unique per write: apps of one wave record themselves concurrently.
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 2) + "\n");
  await rename(tmp, file);
}

/** Deletes the state file; a missing file is fine. */
export async function removeState(projectDir: string): Promise<void> {
  await rm(statePath(projectDir), { force: true });
}

/** The /proc start time of a live process, to record beside its pid (0 without /proc). */
export function processStartOf(pid: number): number {
  return readProcStat(pid)?.startTime ?? 0;
}

/**
 * True when the recorded process still runs: the pid exists, is not a zombie, and started at
 * the recorded time. A pid reused by another program after a reboot or a long time has a
 * different start time, so gini never signals a stranger.
 */
export function isAlive(entry: Pick<AppRecord, "pid" | "processStart">): boolean {
  if (!hasProcFs()) {
    try {
      process.kill(entry.pid, 0);
      return true;
    } catch {
      // ESRCH: gone. EPERM: another user's process, so not one gini started.
      return false;
    }
  }
  const stat = readProcStat(entry.pid);
  return stat !== undefined && stat.state !== "Z" && stat.startTime === entry.processStart;
}

import { chmodSync, lstatSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";

import { giniDir, PRIVATE_FILE } from "../config/index.js";
import { eachLine, followLog, tailLines } from "./log-tail.js";

/**
 * Size past which an app's log is set aside when the app next starts. A detached app writes to
 * its file itself and gini is not there to cut it while it runs, so the start is when it can.
 */
export const LOG_ROTATE_BYTES = 10 * 1024 * 1024;

/** How a log's header line per start begins: `--- gini: <time> starting <name>: <command>`. */
export const START_HEADER = "--- gini: ";

/** How many of an app's last lines `gini doctor` reads for evidence of failed exports. */
export const RECENT_LOG_LINES = 200;

/** The lines after the last start header: what the app's current run wrote. */
export function sinceLastStart(lines: string[]): string[] {
  const at = lines.findLastIndex((line) => line.startsWith(START_HEADER));
  return lines.slice(at + 1);
}

/** `.gini/logs/<name>.log` of the project. */
export function logFileOf(projectDir: string, name: string): string {
  return join(giniDir(projectDir), "logs", `${name}.log`);
}

/** The log before the last rotation: `<name>.log.1`. */
export function previousLogOf(logFile: string): string {
  return `${logFile}.1`;
}

/** Before an app starts: a log over `limit` becomes `<name>.log.1`, replacing an older one. */
export function rotateLog(logFile: string, limit = LOG_ROTATE_BYTES): void {
  // lstat: a link at the log is not rotated (nor chmodded through) but refused when opened.
  const found = lstatSync(logFile, { throwIfNoEntry: false });
  if (!found?.isFile() || found.size <= limit) return;
  renameSync(logFile, previousLogOf(logFile));
  chmodSync(previousLogOf(logFile), PRIVATE_FILE);
}

/** What `gini logs` asks of an app's log. */
export interface AppLogOptions {
  /** Only the last lines, across the rotated and the current file; all when undefined. */
  tail?: number;
  /** Then print each new line until the signal aborts. */
  follow: boolean;
}

/**
 * An app's log as one: `<name>.log.1` then `<name>.log`, in constant memory (a tail reads the
 * files backwards, everything streams forwards); with follow, every line appended after exactly
 * the point the current file was read to.
 */
export async function readAppLog(
  logFile: string,
  { tail, follow }: AppLogOptions,
  onLine: (line: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const end = statSync(logFile, { throwIfNoEntry: false })?.size ?? 0;
  const older = previousLogOf(logFile);
  if (tail === undefined) {
    await eachLine(older, onLine);
    await eachLine(logFile, onLine, { end });
  } else {
    const recent = await tailLines(logFile, tail, { end });
    const earlier = recent.length < tail ? await tailLines(older, tail - recent.length) : [];
    for (const line of [...earlier, ...recent]) onLine(line);
  }
  if (follow) await followLog(logFile, onLine, signal, { from: end });
}

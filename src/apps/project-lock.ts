import { randomUUID } from "node:crypto";
import { constants, readFileSync, rmSync } from "node:fs";
import { link, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { ensureGiniDir, giniDir, openNoFollow } from "../config/index.js";
import { errorMessage, GiniError } from "../errors.js";
import type { Clock } from "../health/index.js";
import { isAlive, processStartOf } from "./process-identity.js";

/** What `.gini/lock` holds: who took it, enough to tell a live holder from a stale one. */
interface LockHolder {
  pid: number;
  /** /proc start time of `pid`, so a reused pid is not taken for the holder. */
  processStart: number;
  /** The command holding it: "up", "down". */
  command: string;
  /** ISO time it was taken. */
  since: string;
}

/** How long a second `gini up` or `down` waits for the first, and the seams tests replace. */
export interface LockOptions {
  clock: Clock;
  waitMs?: number;
  pollMs?: number;
  signal?: AbortSignal;
}

/** A held project lock. */
export interface ProjectLock {
  /** Gives it up; idempotent. Process exit gives it up too (Ctrl-C ends gini by exiting). */
  release(): void;
}

/** `.gini/lock` of the project. */
export function lockPath(projectDir: string): string {
  return join(giniDir(projectDir), "lock");
}

/**
 * Takes the project's lock for `command`, so two `up`s (or an `up` and a `down`) never change one
 * stack at once. The lock file appears complete or not at all: it is written aside, then
 * hard-linked into place, which fails when it exists. A lock whose process is gone is stale and
 * taken over; a live one is waited for, polling, up to `waitMs`, then reported by pid.
 */
export async function lockProject(
  projectDir: string,
  command: string,
  { clock, waitMs = 5000, pollMs = 200, signal }: LockOptions,
): Promise<ProjectLock> {
  await ensureGiniDir(projectDir, "logs");
  const path = lockPath(projectDir);
  const mine = JSON.stringify({
    pid: process.pid,
    processStart: processStartOf(process.pid),
    command,
    since: new Date().toISOString(),
  } satisfies LockHolder);
  const aside = `${path}.${process.pid}.${randomUUID()}`;
  await writeFile(aside, mine, { mode: 0o600 });
  const deadline = clock.now() + waitMs;
  try {
    for (;;) {
      if (await linked(aside, path)) break;
      const raw = await readLock(path, projectDir);
      if (raw === undefined) continue; // released meanwhile
      const holder = parseHolder(raw);
      if (!holder || !isAlive(holder)) {
        if (await takeOver(path, raw, aside)) continue;
        // Another gini is removing it: a moment, bounded by the same deadline.
        if (clock.now() >= deadline) throw lockedError(path, undefined);
        await clock.sleep(Math.min(pollMs, 20), signal);
        continue;
      }
      if (clock.now() >= deadline) throw lockedError(path, holder);
      await clock.sleep(pollMs, signal);
    }
  } finally {
    await rm(aside, { force: true });
  }
  // Synchronous, so it runs on process.exit; it removes the file only while it is still ours.
  const release = () => {
    process.off("exit", release);
    try {
      if (readFileSync(path, "utf8") === mine) rmSync(path, { force: true });
    } catch {
      // Gone already: nothing to give up.
    }
  };
  process.on("exit", release);
  return { release };
}

/**
 * The lock's text; undefined when it was released meanwhile. A lock that exists but is not a
 * readable file (a folder, a link, no permission) is an error naming it: waiting would spin.
 */
async function readLock(path: string, projectDir: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await openNoFollow(path, constants.O_RDONLY, projectDir);
  } catch (err) {
    if (err instanceof GiniError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new GiniError(`cannot read the project lock ${path}: ${errorMessage(err)}`, {
      hint: "check its owner and permissions; if no gini runs in this project, remove it",
      cause: err,
    });
  }
  try {
    if (!(await handle.stat()).isFile())
      throw new GiniError(`the project lock ${path} is not a file`, {
        hint: "if no gini runs in this project, remove it; gini writes a new one",
      });
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}

/** Links `from` to `to`; false when `to` exists. */
async function linked(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const h = JSON.parse(raw) as Partial<LockHolder>;
    return typeof h.pid === "number" && typeof h.processStart === "number"
      ? (h as LockHolder)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock (`raw`). Only the gini holding `lock.takeover` (linked exclusively, like
 * the lock) may remove a lock, so two that find it stale at once cannot remove the one a third
 * took meanwhile: the lock it reads again is still the stale one, whose holder is gone and so
 * never releases it. The others retry. A guard whose own holder died is moved aside the old way.
 */
async function takeOver(path: string, raw: string, asideFile: string): Promise<boolean> {
  const guard = `${path}.takeover`;
  if (!(await linked(asideFile, guard))) {
    const text = await readFile(guard, "utf8").catch(() => undefined);
    const holder = text === undefined ? undefined : parseHolder(text);
    if (holder && !isAlive(holder)) await moveAsideIf(guard, (now) => now === text);
    return false;
  }
  try {
    if ((await readFile(path, "utf8").catch(() => undefined)) === raw)
      await rm(path, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
  return true;
}

/**
 * Moves `path` aside if `stale` says its text is the stale one; one that moved a fresh file
 * instead (written by another in between) puts it back.
 */
async function moveAsideIf(path: string, stale: (text: string) => boolean): Promise<void> {
  const moved = `${path}.stale.${process.pid}.${randomUUID()}`;
  try {
    await rename(path, moved);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw err;
  }
  if (!stale(await readFile(moved, "utf8"))) await linked(moved, path);
  await rm(moved, { force: true });
}

function lockedError(path: string, holder: LockHolder | undefined): GiniError {
  const who = holder
    ? `another gini (pid ${holder.pid}, \`gini ${holder.command}\` since ${holder.since})`
    : "another gini";
  return new GiniError(`${who} is changing this project's stack`, {
    hint: `wait until it ends, then run this again; ${path} is released when it exits`,
  });
}

import { constants, existsSync } from "node:fs";
import { chmod, rename, rm } from "node:fs/promises";
import { join, relative } from "node:path";

import * as z from "zod";

import {
  ensureGiniDir,
  giniDir,
  openNoFollow,
  PRIVATE_FILE,
  writePrivateJson,
} from "../config/index.js";
import { errorMessage, GiniError } from "../errors.js";
import type { AppWarning } from "./app.js";

/** An entry of the state file, checked one by one when read. */
const appRecordSchema = z.object({
  name: z.string(),
  pid: z.number().int().positive(),
  /** ISO time gini started it, for `gini status`. */
  startedAt: z.string(),
  /**
   * Start time of `pid` as the platform reads it (process-identity.ts): /proc clock ticks since
   * boot, or Unix seconds from ps; 0 when unknown (an older gini recorded 0 without /proc).
   */
  processStart: z.number().int().nonnegative(),
  command: z.string(),
  /**
   * A hash of what gini.yaml says of the app (launchSpec): a detached `up` restarts an app whose
   * entry changed. Absent in an older gini's record, which then compares the command alone.
   */
  spec: z.string().optional(),
  logFile: z.string(),
});

/** One app `gini up` started, as `.gini/state.json` records it: enough to find and stop it. */
export type AppRecord = z.infer<typeof appRecordSchema>;

/** The whole of `.gini/state.json`. */
export interface StateFile {
  apps: AppRecord[];
}

/** What reading the state file found. */
export interface StateRead extends StateFile {
  /** What is wrong with the file, one item per problem; empty when all is well. */
  problems: string[];
}

/** `.gini/state.json` of the project. */
export function statePath(projectDir: string): string {
  return join(giniDir(projectDir), "state.json");
}

function entryProblem(index: number, entry: unknown, error: z.ZodError): string {
  const name = (entry as { name?: unknown } | null)?.name;
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  const what = typeof name === "string" ? ` (${name})` : "";
  return `entry ${index + 1}${what} is not valid: ${where}${issue?.message ?? "unknown"}`;
}

/**
 * The recorded apps, entry by entry: a bad entry is a problem, not the loss of every other
 * one. A missing file reads as no apps; an unreadable one (permissions) is an error.
 */
export async function readState(projectDir: string): Promise<StateRead> {
  let text: string;
  try {
    const handle = await openNoFollow(statePath(projectDir), constants.O_RDONLY, projectDir);
    text = await handle.readFile("utf8").finally(() => handle.close());
  } catch (err) {
    if (err instanceof GiniError) throw err;
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { apps: [], problems: [] };
    throw new GiniError(`cannot read .gini/state.json: ${errorMessage(err)}`, {
      hint: "check the owner and permissions of .gini/ in the project folder",
      cause: err,
    });
  }
  let entries: unknown;
  try {
    entries = (JSON.parse(text) as { apps?: unknown } | null)?.apps;
  } catch (err) {
    return { apps: [], problems: [`not valid JSON (${errorMessage(err)})`] };
  }
  if (!Array.isArray(entries)) return { apps: [], problems: ["it holds no list of apps"] };
  const state: StateRead = { apps: [], problems: [] };
  entries.forEach((entry: unknown, i) => {
    const parsed = appRecordSchema.safeParse(entry);
    if (parsed.success) state.apps.push(parsed.data);
    else state.problems.push(entryProblem(i, entry, parsed.error));
  });
  return state;
}

/**
 * The state for a command that changes it (`up`, `down`). A file with problems is never lost:
 * it is renamed `state.json.corrupt` (or `.corrupt.2`, ...) and its valid entries are written
 * back at once, so the apps they name can still be stopped; the warning says where it went.
 */
export async function loadState(
  projectDir: string,
): Promise<StateFile & { warnings: AppWarning[] }> {
  const { apps, problems } = await readState(projectDir);
  if (problems.length === 0) return { apps, warnings: [] };
  const base = `${statePath(projectDir)}.corrupt`;
  let aside = base;
  for (let n = 2; existsSync(aside); n++) aside = `${base}.${n}`;
  await rename(statePath(projectDir), aside);
  await chmod(aside, PRIVATE_FILE);
  if (apps.length > 0) await writeState(projectDir, { apps });
  const kept = apps.length > 0 ? "; its valid entries are used" : "";
  const text = `.gini/state.json: ${problems.join("; ")}. The file is kept as ${relative(projectDir, aside)}${kept}`;
  const hint = "an app it names may still run: find its pid in that file and stop it (kill PID)";
  return { apps, warnings: [{ text, hint }] };
}

/** Writes the state, through a temporary file so a crash never leaves half a file. */
export async function writeState(projectDir: string, state: StateFile): Promise<void> {
  await ensureGiniDir(projectDir, "logs");
  // Apps of one wave record themselves concurrently: each write has its own temporary file.
  await writePrivateJson(statePath(projectDir), state);
}

/** Deletes the state file; a missing file is fine. */
export async function removeState(projectDir: string): Promise<void> {
  await rm(statePath(projectDir), { force: true });
}

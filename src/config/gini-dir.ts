import { randomUUID } from "node:crypto";
import { constants, lstatSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join, relative } from "node:path";

import { GiniError } from "../errors.js";

/** `.gini/` and what is in it hold the apps' commands: only the user may read them. */
const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/**
 * Flags that refuse a symbolic link as the last part of a path (ELOOP): gini writes and chmods
 * in `.gini/`, and a link there would make it write or chmod a file outside the project.
 */
export const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** `.gini/` in the project folder: state, logs and baselines, git-ignored. */
export function giniDir(projectDir: string): string {
  return join(projectDir, ".gini");
}

/**
 * The error for `path` under the project being a symbolic link where gini keeps its own files,
 * when `err` is what a no-follow open of it threw (ELOOP, or ENOTDIR for a folder); otherwise
 * `err` itself.
 */
export function linkRefused(err: unknown, path: string, projectDir: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== "ELOOP" && code !== "ENOTDIR") return err;
  if (!lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return err;
  const name = relative(projectDir, path) || path;
  return new GiniError(
    `${name} is a symbolic link: gini keeps its own files there and does not follow links`,
    {
      hint: `remove the link (rm ${name}); gini creates what it needs in the project folder`,
      cause: err,
    },
  );
}

/** Opens `path` without following a link (see NO_FOLLOW), as a GiniError naming it if it is one. */
export async function openNoFollow(
  path: string,
  flags: number,
  projectDir: string,
  mode?: number,
): ReturnType<typeof open> {
  try {
    return await open(path, flags | NO_FOLLOW, mode);
  } catch (err) {
    throw linkRefused(err, path, projectDir);
  }
}

/** Makes `dir` (if missing) private, refusing a link in its place. */
async function privateDir(dir: string, projectDir: string): Promise<void> {
  await mkdir(dir, { mode: PRIVATE_DIR }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "EEXIST") throw err;
  });
  const handle = await openNoFollow(dir, constants.O_RDONLY | constants.O_DIRECTORY, projectDir);
  // mkdir's mode reaches only folders it creates: an older gini made them world-readable.
  await handle.chmod(PRIVATE_DIR).finally(() => handle.close());
}

/**
 * Creates `.gini/` and `.gini/<sub>` (only the user may enter them) with a `.gitignore` of its
 * own, so gini's files stay out of the user's repository without touching their files. A link
 * at any of the three is refused, never followed.
 */
export async function ensureGiniDir(
  projectDir: string,
  sub: "logs" | "baselines",
): Promise<string> {
  const dir = giniDir(projectDir);
  const folder = join(dir, sub);
  await privateDir(dir, projectDir);
  await privateDir(folder, projectDir);
  const { O_WRONLY, O_CREAT, O_TRUNC } = constants;
  const ignore = join(dir, ".gitignore");
  const handle = await openNoFollow(ignore, O_WRONLY | O_CREAT | O_TRUNC, projectDir, PRIVATE_FILE);
  try {
    await handle.chmod(PRIVATE_FILE);
    await handle.writeFile("# written by gini\n*\n");
  } finally {
    await handle.close();
  }
  return folder;
}

/**
 * Writes `doc` as JSON to a file only the user may read, through a temporary file so a crash
 * never leaves half a file; the temporary name is unique, so concurrent writers do not collide.
 * The rename replaces a link at `file` rather than writing through it.
 */
export async function writePrivateJson(file: string, doc: unknown): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const { O_WRONLY, O_CREAT, O_EXCL } = constants;
    const handle = await open(tmp, O_WRONLY | O_CREAT | O_EXCL, PRIVATE_FILE);
    await handle.writeFile(JSON.stringify(doc, null, 2) + "\n").finally(() => handle.close());
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

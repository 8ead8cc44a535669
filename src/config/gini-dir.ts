import { randomUUID } from "node:crypto";
import { chmod, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** `.gini/` and what is in it hold the apps' commands: only the user may read them. */
const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** `.gini/` in the project folder: state, logs and baselines, git-ignored. */
export function giniDir(projectDir: string): string {
  return join(projectDir, ".gini");
}

/**
 * Creates `.gini/` and `.gini/<sub>` (only the user may enter them) with a `.gitignore` of its
 * own, so gini's files stay out of the user's repository without touching their files.
 */
export async function ensureGiniDir(
  projectDir: string,
  sub: "logs" | "baselines",
): Promise<string> {
  const dir = giniDir(projectDir);
  const folder = join(dir, sub);
  await mkdir(folder, { recursive: true, mode: PRIVATE_DIR });
  // mkdir's mode reaches only folders it creates: an older gini made them world-readable.
  await Promise.all([chmod(dir, PRIVATE_DIR), chmod(folder, PRIVATE_DIR)]);
  const ignore = join(dir, ".gitignore");
  await writeFile(ignore, "# written by gini\n*\n", { mode: PRIVATE_FILE });
  await chmod(ignore, PRIVATE_FILE);
  return folder;
}

/**
 * Writes `doc` as JSON to a file only the user may read, through a temporary file so a crash
 * never leaves half a file; the temporary name is unique, so concurrent writers do not collide.
 */
export async function writePrivateJson(file: string, doc: unknown): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(doc, null, 2) + "\n", { mode: PRIVATE_FILE });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

// Test set-up, not the product: a program the tests need, built once into a cache folder and reused
// after that. The entry's name carries everything that decides the build (a version, or a hash of
// the sources), so a changed input is a new entry and a present entry is never rebuilt.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

/** Where the built test tools live: `$XDG_CACHE_HOME/gini-test`, else `~/.cache/gini-test`. */
const TEST_CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "gini-test");

export interface CachedBuild {
  /** The entry's folder name in the cache, e.g. `telemetrygen-v0.161.0`. */
  entry: string;
  /** What the set-up log calls it, e.g. `telemetrygen v0.161.0 from its Go module`. */
  what: string;
  /**
   * Fills `dir` (empty, in the cache's file system); the entry exists only once this resolves.
   * `work` is an empty scratch folder, removed afterwards.
   */
  build: (dir: string, work: string) => Promise<void>;
}

/** The entry's folder, built first when it is missing; the set-up log says how long that took. */
export async function cachedBuild(
  { entry, what, build }: CachedBuild,
  log: (line: string) => void = (line) => console.error(line),
): Promise<string> {
  const dir = join(TEST_CACHE, entry);
  if (existsSync(dir)) return dir;
  const started = Date.now();
  log(`test tools: building ${what}`);
  await mkdir(TEST_CACHE, { recursive: true });
  // Beside the entry, so the rename is atomic: an interrupted build leaves no half entry.
  const scratch = await mkdtemp(`${dir}.building-`);
  const work = await mkdtemp(join(tmpdir(), `gini-${entry}-`));
  try {
    await build(scratch, work);
    await rename(scratch, dir).catch((err: NodeJS.ErrnoException) => {
      // Another test run built the same entry meanwhile: the same inputs, so keep theirs.
      if (!existsSync(dir)) throw err;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
  log(`test tools: built ${what} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return dir;
}

/** A short hash of a folder's files (names and contents), for an entry built from its sources. */
export async function folderHash(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = files.filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
  for (const path of paths.sort())
    hash.update(`${path.slice(dir.length)}\0`).update(await readFile(path));
  return hash.digest("hex").slice(0, 12);
}

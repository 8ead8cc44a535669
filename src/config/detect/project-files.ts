import { type Dirent, lstatSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";

/** Larger files are not project manifests or entry points worth reading. */
const MAX_BYTES = 512 * 1024;
/** Enough source files to find an app's entry, few enough that `gini init` stays instant. */
const MAX_SOURCES = 200;

/** Folders that hold dependencies, builds or tooling, never an app of their own. */
const SKIPPED_FOLDERS = new Set([
  "node_modules",
  "venv",
  "env",
  "__pycache__",
  "dist",
  "build",
  "target",
  "bin",
  "obj",
  "vendor",
  "coverage",
  "site-packages",
]);

/** A regular file's text; undefined when missing, a symlink, a folder, too large or unreadable. */
export function readText(path: string): string | undefined {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size > MAX_BYTES) return undefined;
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The regular files and the real folders (symlinks are neither) of `dir`, sorted by name. */
export function listDir(dir: string): { files: string[]; dirs: string[] } {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return { files: [], dirs: [] };
  }
  const names = (keep: (e: Dirent) => boolean) =>
    entries
      .filter(keep)
      .map((e) => e.name)
      .sort();
  return { files: names((e) => e.isFile()), dirs: names((e) => e.isDirectory()) };
}

/** A folder an app may live in: not hidden, not a dependency or build folder. */
export const isAppFolder = (name: string): boolean =>
  !name.startsWith(".") && !SKIPPED_FOLDERS.has(name);

/**
 * Source files with one of `exts` in `dir` and its app folders down to `depth` levels, as paths
 * relative to `dir` with '/' separators.
 */
export function sourceFiles(dir: string, exts: readonly string[], depth = 1): string[] {
  const found: string[] = [];
  const walk = (rel: string, level: number) => {
    const { files, dirs } = listDir(join(dir, rel));
    for (const file of files) {
      if (found.length >= MAX_SOURCES) return;
      if (exts.includes(extname(file))) found.push(rel ? `${rel}/${file}` : file);
    }
    if (level < depth) {
      for (const sub of dirs.filter(isAppFolder)) walk(rel ? `${rel}/${sub}` : sub, level + 1);
    }
  };
  walk("", 0);
  return found;
}

/** The first capture of `pattern` in `text`, as a port number. */
export function portIn(text: string | undefined, pattern: RegExp): number | undefined {
  const port = Number(text?.match(pattern)?.[1]);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

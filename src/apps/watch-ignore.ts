import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";

import ignore, { type Ignore } from "ignore";

/** Folders whose changes never restart an app: version control, dependencies, gini's own files. */
const ALWAYS_IGNORED = new Set([".git", "node_modules", ".gini"]);

/** Patterns in .gitignore syntax and the folder they are relative to. */
interface Rules {
  base: string;
  rules: Ignore;
}

/** The .gitignore of each folder from the project folder down to `cwd` that has one. */
function gitignores(projectDir: string, cwd: string): Rules[] {
  const folders: string[] = [];
  for (let dir = cwd; ; dir = dirname(dir)) {
    folders.push(dir);
    if (dir === projectDir || dirname(dir) === dir || relative(projectDir, dir).startsWith(".."))
      break;
  }
  return folders.flatMap((base) => {
    try {
      return [{ base, rules: ignore().add(readFileSync(join(base, ".gitignore"), "utf8")) }];
    } catch {
      return []; // no .gitignore there
    }
  });
}

/** True when `path` is `folder` or lies under it. */
const under = (path: string, folder: string) => {
  const rel = relative(folder, path);
  return rel === "" || !(rel.startsWith("..") || isAbsolute(rel));
};

/**
 * Whether a change at `path` (absolute; `isDir` when known) leaves an app running under
 * `gini up --watch`: anything under .git, node_modules or .gini, what the .gitignore files from
 * the project folder down to the app's cwd list (except under `named`, the paths its `watch:`
 * names: a build folder git ignores may be just what should restart it), and the app's own
 * `ignore:` patterns (relative to its cwd). Rules apply only to paths under their folder, as git
 * applies them.
 */
export function watchIgnore(
  projectDir: string,
  cwd: string,
  patterns: string[] = [],
  named: string[] = [],
): (path: string, isDir?: boolean) => boolean {
  const own = { base: cwd, rules: ignore().add(patterns) };
  const git = gitignores(projectDir, cwd);
  return (path, isDir) => {
    if (path.split(sep).some((part) => ALWAYS_IGNORED.has(part))) return true;
    const rules = named.some((n) => under(path, n)) ? [own] : [...git, own];
    return rules.some(({ base, rules }) => {
      const rel = relative(base, path);
      if (rel === "" || rel.startsWith("..")) return false;
      const posix = rel.split(sep).join("/");
      return rules.ignores(isDir ? `${posix}/` : posix);
    });
  };
}

import { lstatSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { GiniError } from "../errors.js";
import { detectApps, type DetectedApp, giniYamlText } from "./detect/index.js";
import { DEFAULT_CONFIG_FILES } from "./load.js";

/** What `gini init` did with one file. */
export interface InitResult {
  /** Absolute path of the file in the project. */
  path: string;
  /** written: new file; overwritten: replaced under --force; skipped: it existed. */
  action: "written" | "overwritten" | "skipped";
  /** For a gini.yaml written: the apps found in the project, as it lists them. */
  apps?: DetectedApp[];
}

export interface InitOptions {
  /** Replace files that already exist. */
  force?: boolean;
  /** Where gini.yaml goes; default <dir>/gini.yaml. */
  configFile?: string;
  /** Folder holding the shipped configs and templates/; default: gini's own package root. */
  packageRoot?: string;
}

/** gini's package root: this file is dist/config/init.js (or src/config/init.ts), two folders down. */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
}

/**
 * Writes the three service configs and a commented gini.yaml into `dir`, copied from gini's own
 * package; gini.yaml lists the apps found in the project (see detect/). Never replaces an existing file unless `force` is set, and never writes through a
 * symlink: `force` replaces the link itself, so the file it points to stays as it was.
 */
export async function initProject(dir: string, options: InitOptions = {}): Promise<InitResult[]> {
  const root = options.packageRoot ?? packageRoot();
  const target = resolve(dir);
  const files: { source: string; path: string; apps?: DetectedApp[] }[] = [
    ...Object.values(DEFAULT_CONFIG_FILES).map((name) => ({
      source: join(root, name),
      path: join(target, name),
    })),
    {
      source: join(root, "templates", "gini.yaml"),
      path: resolve(target, options.configFile ?? "gini.yaml"),
      apps: detectApps(target),
    },
  ];
  const results: InitResult[] = [];
  for (const { source, path, apps } of files) {
    const template = await readFile(source, "utf8");
    const text = apps ? giniYamlText(template, apps) : template;
    const found = apps && { apps };
    await mkdir(dirname(path), { recursive: true });
    const existing = lstatSync(path, { throwIfNoEntry: false });
    if (existing?.isDirectory()) {
      throw new GiniError(`${path}: a folder is in the way of the file gini init writes`, {
        hint: "move the folder away, or pass another path with --config",
      });
    }
    if (existing && options.force) {
      await replaceFile(path, text);
      results.push({ path, action: "overwritten", ...found });
      continue;
    }
    try {
      // "wx" fails on any existing entry, a dangling symlink included: nothing is written through it.
      await writeFile(path, text, { flag: "wx" });
      results.push({ path, action: "written", ...found });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      results.push({ path, action: "skipped" });
    }
  }
  return results;
}

/** Writes beside `path`, then renames over it: a rename replaces a symlink, never its target. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temp = `${path}.gini-init-${process.pid}`;
  try {
    await writeFile(temp, text, { flag: "wx" });
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

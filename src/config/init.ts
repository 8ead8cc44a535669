import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { DEFAULT_CONFIG_FILES } from "./load.js";

/** What `gini init` did with one file. */
export interface InitResult {
  /** Absolute path of the file in the project. */
  path: string;
  /** written: new file; overwritten: replaced under --force; skipped: it existed. */
  action: "written" | "overwritten" | "skipped";
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
 * package. Never replaces an existing file unless `force` is set.
 */
export async function initProject(dir: string, options: InitOptions = {}): Promise<InitResult[]> {
  const root = options.packageRoot ?? packageRoot();
  const target = resolve(dir);
  const files: { source: string; path: string }[] = [
    ...Object.values(DEFAULT_CONFIG_FILES).map((name) => ({
      source: join(root, name),
      path: join(target, name),
    })),
    {
      source: join(root, "templates", "gini.yaml"),
      path: resolve(target, options.configFile ?? "gini.yaml"),
    },
  ];
  const results: InitResult[] = [];
  for (const { source, path } of files) {
    const text = await readFile(source, "utf8");
    await mkdir(dirname(path), { recursive: true });
    const existed = existsSync(path);
    try {
      await writeFile(path, text, { flag: options.force ? "w" : "wx" });
      results.push({ path, action: existed ? "overwritten" : "written" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      results.push({ path, action: "skipped" });
    }
  }
  return results;
}

import { existsSync } from "node:fs";
import { resolve } from "node:path";

import type { AppConfig } from "./schema.js";

/** A `watch:` entry that is not there: its index in the list, and what to say. */
export interface WatchPathProblem {
  index: number;
  message: string;
  hint: string;
}

/**
 * The absolute paths `gini up --watch` watches for an app (its `watch:` entries, relative to its
 * cwd, or the cwd itself), and the entries that do not exist: worded once for `gini validate` and
 * for the `up --watch` that refuses them.
 */
export function watchPaths(
  projectDir: string,
  name: string,
  app: Pick<AppConfig, "cwd" | "watch">,
): { cwd: string; paths: string[]; problems: WatchPathProblem[] } {
  const cwd = resolve(projectDir, app.cwd ?? ".");
  const entries = app.watch ?? ["."];
  const paths = entries.map((entry) => resolve(cwd, entry));
  const problems = paths.flatMap((path, index) =>
    existsSync(path)
      ? []
      : [
          {
            index,
            message: `apps.${name}.watch: ${path} not found`,
            hint: "fix watch in gini.yaml; its paths are relative to the app's cwd",
          },
        ],
  );
  return { cwd, paths, problems };
}

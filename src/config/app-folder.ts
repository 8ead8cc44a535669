import { statSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The folder an app runs in (`cwd`, relative to the project folder), and the problem when it is
 * not there: worded once for `gini validate` and for the launch that would otherwise fail.
 */
export function appFolder(
  projectDir: string,
  name: string,
  cwd: string | undefined,
): { path: string; problem?: { message: string; hint: string } } {
  const path = resolve(projectDir, cwd ?? ".");
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return { path };
  return {
    path,
    problem: {
      message: `apps.${name}.cwd: folder ${path} not found`,
      hint: "fix cwd in gini.yaml; it is relative to the project folder",
    },
  };
}

import { isAbsolute, relative } from "node:path";

/** A path as gini shows it: relative to the current folder when inside it, else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { stringify } from "yaml";

import { GiniError } from "../errors.js";
import { printable } from "../text/index.js";

/** The first words of every file an export writes: the mark that it may write it again. */
export const WRITTEN_BY = "# Written by gini export";

/**
 * YAML as an export writes it: long lines kept whole and multi-line strings as literal blocks,
 * so a ConfigMap's config reads like the file it came from (and parses back to the same bytes).
 */
export function toYaml(docs: readonly unknown[], header: string[]): string {
  const options = { lineWidth: 0, blockQuote: "literal" as const, aliasDuplicateObjects: false };
  // printable: a line break in a header line (a folder name can hold one) would end the comment.
  const comment = header.map((line) => `# ${printable(line)}`.trimEnd()).join("\n");
  return `${comment}\n${docs.map((d) => stringify(d, options)).join("---\n")}`;
}

/**
 * True when the file is absent or an export wrote it; a file of the user's is never replaced.
 * What is not a file (`-o /dev/stdout`, a pipe) is written to as it is: reading it first would
 * wait for input that never comes.
 */
async function ours(path: string, mark = WRITTEN_BY): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return true;
    return (await readFile(path, "utf8")).startsWith(mark);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw err;
  }
}

function notOurs(path: string): GiniError {
  return new GiniError(`${path}: exists and was not written by gini export`, {
    hint: "move it away, or choose another place with -o",
  });
}

/** Writes one file of an export, replacing only an earlier export. */
export async function writeOwnedFile(path: string, text: string): Promise<void> {
  if (!(await ours(path))) throw notOurs(path);
  await writeFile(path, text);
}

/**
 * Writes an export's files into a folder, creating it. Files an earlier export of the same kind
 * (`mark`: the header's start) wrote that this one does not (a namespace.yaml after dropping
 * --namespace) are removed, so the folder holds exactly what its kustomization lists; anything
 * else in it, a compose export included, is left alone.
 */
export async function writeOwnedFolder(
  dir: string,
  files: ReadonlyMap<string, string>,
  mark: string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of files.keys()) {
    if (!(await ours(join(dir, name)))) throw notOurs(join(dir, name));
  }
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && /\.ya?ml$/.test(entry.name) && !files.has(entry.name)) {
      if ((await readFile(path, "utf8")).startsWith(mark)) await rm(path);
    }
  }
  for (const [name, text] of files) await writeFile(join(dir, name), text);
}

import { readFile } from "node:fs/promises";
import { Document, LineCounter, isNode, parseDocument } from "yaml";
import { GiniError } from "../errors.js";

/** A parsed YAML file that can say where a key sits in it. */
export interface YamlFile {
  path: string;
  doc: Document;
  /** `path:line:column` of the node at `keys`, or of the nearest parent that exists. */
  where(keys: readonly (string | number)[]): string;
}

/** Parses YAML text; a syntax error becomes a GiniError naming file:line:column. */
export function parseYaml(path: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const reason = first.message.split("\n")[0] ?? first.code;
    throw new GiniError(`${path}:${pos.line}:${pos.col}: invalid YAML: ${reason}`, {
      hint: "fix the YAML syntax at that line (indentation, a missing ':' or an unclosed quote)",
      code: "invalid-yaml",
    });
  }
  const where = (keys: readonly (string | number)[]): string => {
    for (let n = keys.length; n >= 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return `${path}:${pos.line}:${pos.col}`;
      }
    }
    return `${path}:1:1`;
  };
  return { path, doc, where };
}

/** Reads and parses a YAML file; a missing file becomes a GiniError naming it. */
export async function readYaml(path: string): Promise<YamlFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      throw new GiniError(`${path}: file not found`, {
        hint: "run `gini init` to write the default files",
        code: "file-not-found",
      });
    }
    throw new GiniError(`${path}: cannot read: ${(err as Error).message}`, {
      hint: "check the file's permissions",
    });
  }
  return parseYaml(path, text);
}

import { readFile } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { Finding, Severity } from "./types.js";

/** A key path into a YAML document: map keys and sequence indexes. */
export type KeyPath = readonly (string | number)[];

/** A parsed config file that can point at any of its keys. */
export interface ConfigDoc {
  /** Absolute path. */
  path: string;
  /** Path as findings show it. */
  file: string;
  /** The document as plain data ({} for an empty file). */
  data: unknown;
  /** 1-based position of the key at `keys` (or of the nearest parent that exists). */
  locate(keys: KeyPath): { line: number; column: number };
}

/** The path findings show: relative to the current folder when inside it, else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** Builds a finding located at `keys` in `doc`. */
export function findingAt(
  doc: ConfigDoc,
  keys: KeyPath,
  severity: Severity,
  rule: string,
  message: string,
  fix: string,
): Finding {
  const { line, column } = doc.locate(keys);
  return { severity, file: doc.file, line, column, rule, message, fix };
}

/** Reads and parses a config file; a missing file or bad YAML becomes an error finding instead. */
export async function loadConfigDoc(path: string): Promise<ConfigDoc | Finding> {
  const file = displayPath(path);
  const at = (
    line: number,
    column: number,
    rule: string,
    message: string,
    fix: string,
  ): Finding => ({
    severity: "error",
    file,
    line,
    column,
    rule,
    message,
    fix,
  });
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? at(1, 1, "file-missing", "file not found", "run `gini init` to write the default file")
      : at(
          1,
          1,
          "file-missing",
          `cannot read: ${(err as Error).message}`,
          "check the file's permissions",
        );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const reason = error.message.split("\n")[0] ?? error.code;
    return at(
      pos.line,
      pos.col,
      "yaml-syntax",
      `invalid YAML: ${reason}`,
      "fix the YAML syntax at that line (indentation, a missing ':', a duplicate key or an unclosed quote)",
    );
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return at(
      1,
      1,
      "yaml-syntax",
      "expected a mapping of keys at the top level",
      "start the file with `key: value` lines",
    );
  }
  const locate = (keys: KeyPath) => {
    const node = nodeAt(doc, keys);
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col };
  };
  return { path, file, data, locate };
}

/** The key node of the deepest existing map entry (or the sequence item) along `keys`. */
function nodeAt(doc: Document, keys: KeyPath): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      found = isScalar(pair.key) ? pair.key : found;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number" && node.items[key]) {
      node = node.items[key];
      found = node as Node;
    } else {
      break;
    }
  }
  return found;
}

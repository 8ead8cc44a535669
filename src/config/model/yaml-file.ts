import { readFile } from "node:fs/promises";

import {
  type Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from "yaml";

/** A key path into a YAML document: map keys and sequence indexes. */
export type KeyPath = readonly (string | number)[];

/** A 1-based place in a file. */
interface Position {
  line: number;
  column: number;
}

/**
 * What `locate` points at for a map entry: its key (where a reader looks for a setting) or its
 * value (where a wrong value sits).
 */
type Anchor = "key" | "value";

/** A parsed YAML file that can point at any of its keys. */
export interface YamlFile {
  /** The path it was read from. */
  path: string;
  /** The document as plain data ({} for an empty file). */
  data: unknown;
  /**
   * Where the entry at `keys` is, or the nearest parent that exists: its key by default, its
   * value with `anchor: "value"`. 1:1 when nothing along `keys` exists.
   */
  locate(keys: KeyPath, anchor?: Anchor): Position;
}

/** Why a file gave no YAML document. */
export type YamlProblem =
  | { problem: "missing" }
  | { problem: "unreadable"; reason: string }
  | ({ problem: "syntax"; reason: string } & Position);

/** Reads and parses a YAML file; what goes wrong is returned, for each caller to word. */
export async function readYamlFile(path: string): Promise<YamlFile | YamlProblem> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ENOENT"
      ? { problem: "missing" }
      : { problem: "unreadable", reason: (err as Error).message };
  }
  return parseYaml(path, text);
}

/** Parses YAML text; duplicate keys are syntax errors, as the collector and Prometheus see them. */
function parseYaml(path: string, text: string): YamlFile | YamlProblem {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const reason = error.message.split("\n")[0] ?? error.code;
    return { problem: "syntax", reason, line: pos.line, column: pos.col };
  }
  const locate = (keys: KeyPath, anchor: Anchor = "key"): Position => {
    const node = nodeAt(doc, keys, anchor);
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col };
  };
  return { path, data: doc.toJS() ?? {}, locate };
}

/** The key (or value) node of the deepest existing entry along `keys`; sequence items are values. */
function nodeAt(doc: Document, keys: KeyPath, anchor: Anchor): Node | undefined {
  let node: unknown = doc.contents;
  let found = anchor === "value" && isNode(node) ? node : undefined;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      node = pair.value;
      const pick = anchor === "key" ? pair.key : pair.value;
      if (isNode(pick)) found = pick;
    } else if (isSeq(node) && typeof key === "number" && node.items[key]) {
      node = node.items[key];
      if (isNode(node)) found = node;
    } else {
      break;
    }
  }
  return found;
}

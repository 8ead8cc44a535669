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

import { readConfigText, type ReadProblem } from "./read-config-text.js";
import { aliasProblems } from "./yaml-aliases.js";

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
export type YamlProblem = ReadProblem | ({ problem: "syntax"; reason: string } & Position);

/** Reads and parses a YAML file; what goes wrong is returned, for each caller to word. */
export async function readYamlFile(path: string): Promise<YamlFile | YamlProblem> {
  const read = await readConfigText(path);
  return "text" in read ? parseYaml(path, read.text) : read;
}

/**
 * Parses YAML text. Every complaint of the yaml package is a syntax problem with its place:
 * errors, warnings (an unresolved tag, which the collector's and Prometheus's parsers refuse), and
 * what toJS would throw. Duplicate keys are errors too, as those parsers see them.
 */
export function parseYaml(path: string, text: string): YamlFile | YamlProblem {
  const lineCounter = new LineCounter();
  const syntax = (reason: string, offset: number): YamlProblem => {
    const pos = lineCounter.linePos(offset);
    return { problem: "syntax", reason, line: pos.line, column: pos.col };
  };
  // logLevel "error": the yaml package would print warnings on stderr; they are returned instead.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: "error",
  });
  const error = doc.errors[0] ?? doc.warnings[0];
  if (error) return syntax(error.message.split("\n")[0] || error.code, error.pos[0]);
  const { problem, firstAlias } = aliasProblems(doc);
  if (problem) return syntax(problem.reason, problem.offset);
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // In practice the alias bomb ("Excessive alias count"): yaml's guard against a billion laughs.
    return syntax(`${(err as Error).message} (aliases expand too far)`, firstAlias ?? 0);
  }
  const locate = (keys: KeyPath, anchor: Anchor = "key"): Position => {
    const node = nodeAt(doc, keys, anchor);
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col };
  };
  return { path, data: data ?? {}, locate };
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

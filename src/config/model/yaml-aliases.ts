import { type Document, isAlias, isCollection, isNode, type Node, visit } from "yaml";

/** A problem the yaml package leaves for toJS to throw (or print), and where it starts. */
export interface NodeProblem {
  reason: string;
  /** Offset into the text. */
  offset: number;
}

/**
 * What the parser accepts but plain data cannot hold, found before toJS: there an unresolved
 * alias throws with no position, an alias inside its own anchor yields a cyclic object that
 * crashes whoever walks it, and a collection as a key is stringified with a warning on stderr.
 * Also returns the first alias, where an alias bomb (caught only by toJS) is reported.
 */
export function aliasProblems(doc: Document): {
  problem: NodeProblem | undefined;
  firstAlias: number | undefined;
} {
  // Document order is anchor-before-alias order, so one pass resolves each alias like YAML does.
  const anchors = new Map<string, Node>();
  let problem: NodeProblem | undefined;
  let firstAlias: number | undefined;
  const at = (node: unknown) => (isNode(node) && node.range ? node.range[0] : 0);
  visit(doc, {
    Node(_key, node, path) {
      if (node.anchor) anchors.set(node.anchor, node);
      if (!isAlias(node)) return undefined;
      firstAlias ??= at(node);
      const target = anchors.get(node.source);
      if (!target) {
        problem = { reason: `alias *${node.source} names no anchor before it`, offset: at(node) };
      } else if (path.includes(target)) {
        problem = { reason: `alias *${node.source} sits inside its own anchor`, offset: at(node) };
      }
      return problem ? visit.BREAK : undefined;
    },
    Pair(_key, pair) {
      const key = isAlias(pair.key) ? anchors.get(pair.key.source) : pair.key;
      if (!isCollection(key)) return undefined;
      problem = { reason: "a list or mapping used as a key", offset: at(pair.key) };
      return visit.BREAK;
    },
  });
  return { problem, firstAlias };
}

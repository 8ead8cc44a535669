import type { TraceSpan } from "./span.js";

/** A span with its children, ordered by start time. */
export interface SpanNode {
  span: TraceSpan;
  children: SpanNode[];
}

/** One trace as a tree of spans, with what its summary line shows. */
export interface Trace {
  traceId: string;
  /** Spans without a parent in the trace (orphans whose parent never arrived too), by start. */
  roots: SpanNode[];
  /** Every span once, depth-first in tree order: the order the tree prints them in. */
  spans: TraceSpan[];
  /** The entry point that names the trace: the first span without a parent, else the first root. */
  root: TraceSpan;
  /** Earliest start, in milliseconds since the epoch. */
  startMs: number;
  /** Latest end minus earliest start. */
  durationMs: number;
  /** Spans marked as errors. */
  errorCount: number;
}

const byStart = (a: SpanNode, b: SpanNode): number =>
  a.span.startMs - b.span.startMs || a.span.spanId.localeCompare(b.span.spanId);

/**
 * Visits the trees depth-first, each node before its children (which `visit` may change), without
 * recursion: a trace can nest thousands of spans deep, past what the call stack holds.
 */
function preorder(roots: SpanNode[], visit: (node: SpanNode) => void): void {
  const stack = [...roots].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    visit(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** Links the spans of one trace by parentSpanId; a span whose parent is missing becomes a root. */
function treeOf(spans: TraceSpan[]): Trace {
  const nodes = new Map<string, SpanNode>();
  // The same span can arrive twice (a retried export); the first copy wins.
  for (const span of spans)
    if (!nodes.has(span.spanId)) nodes.set(span.spanId, { span, children: [] });
  const roots: SpanNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.span.parentSpanId ? nodes.get(node.span.parentSpanId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const seen = new Set<SpanNode>();
  const link = (node: SpanNode) =>
    preorder([node], (n) => {
      seen.add(n);
      // A child already seen closes a loop of parent links: that link is dropped.
      n.children = n.children.filter((c) => !seen.has(c)).sort(byStart);
    });
  roots.forEach(link);
  // Spans whose parent links loop reach no root; they still belong in the trace, as roots.
  for (const node of nodes.values()) {
    if (!seen.has(node)) {
      roots.push(node);
      link(node);
    }
  }
  roots.sort(byStart);
  const order: TraceSpan[] = [];
  preorder(roots, (node) => order.push(node.span));
  // reduce, not Math.min(...spans): a spread of a batch job's 100,000 spans overflows the stack.
  const startMs = order.reduce((min, s) => Math.min(min, s.startMs), Infinity);
  const endMs = order.reduce((max, s) => Math.max(max, s.startMs + s.durationMs), -Infinity);
  return {
    traceId: order[0]!.traceId,
    roots,
    spans: order,
    // An orphan may start first (its parent not received yet, or clocks apart): the true root
    // still names the trace.
    root: (roots.find((r) => r.span.parentSpanId === null) ?? roots[0]!).span,
    startMs,
    durationMs: endMs - startMs,
    errorCount: order.filter((s) => s.error).length,
  };
}

/** The spans grouped into traces, most recent first. */
export function buildTraces(spans: TraceSpan[]): Trace[] {
  const byTrace = new Map<string, TraceSpan[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId);
    if (list) list.push(span);
    else byTrace.set(span.traceId, [span]);
  }
  return [...byTrace.values()].map(treeOf).sort((a, b) => b.startMs - a.startMs);
}

import { formatMs, plural, printable } from "../text/index.js";
import { clip, formatAge } from "./format.js";
import type { SpanNode, Trace } from "./tree.js";
import { traceUrl } from "./url.js";

/** Colours, from the CLI's output module (the only chalk user); plain text by default. */
export interface Style {
  bad: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

const PLAIN: Style = { bad: (s) => s, dim: (s) => s, bold: (s) => s };
const MAX_NAME = 60;
const MAX_MESSAGE = 100;
/** A batch job's trace can hold thousands of spans; the terminal shows the first ones. */
const MAX_SPAN_LINES = 40;

/** One span's line before alignment. */
interface Row {
  node: SpanNode;
  /** Tree branches, then the span name. */
  label: string;
  /** Its parent span is not in the trace (not received yet, or dropped). */
  orphan: boolean;
}

/** How deep the tree is drawn: deeper spans are listed at this depth, each with its depth. */
const MAX_DEPTH = 20;

/**
 * Depth-first rows with `├─`/`└─` branches, in the trace's order. Iterative: a trace can nest
 * thousands of spans deep (a recursive job), which would overflow the stack of a recursive walk.
 */
function rowsOf(trace: Trace): Row[] {
  const rows: Row[] = [];
  type Item = { node: SpanNode; prefix: string; indent: string; orphan: boolean; depth: number };
  const stack: Item[] = trace.roots
    .map((root) => ({
      node: root,
      prefix: "",
      indent: "",
      orphan: root.span.parentSpanId !== null,
      depth: 0,
    }))
    .reverse();
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, prefix, indent, orphan, depth } = item;
    const deep = depth > MAX_DEPTH ? `(depth ${depth}) ` : "";
    rows.push({ node, label: prefix + deep + printable(clip(node.span.name, MAX_NAME)), orphan });
    const children = node.children.map((child, i) => {
      const last = i === node.children.length - 1;
      const flat = depth >= MAX_DEPTH; // past it, children keep their parent's indent
      return {
        node: child,
        prefix: flat ? prefix : indent + (last ? "└─ " : "├─ "),
        indent: flat ? indent : indent + (last ? "   " : "│  "),
        orphan: false,
        depth: depth + 1,
      };
    });
    stack.push(...children.reverse());
  }
  return rows;
}

/** The error mark; the message only where the error starts (no child of the span failed). */
function errorText(node: SpanNode, style: Style): string {
  if (!node.span.error) return "";
  const origin = !node.children.some((c) => c.span.error);
  const message =
    origin && node.span.errorMessage
      ? ` ${printable(clip(node.span.errorMessage, MAX_MESSAGE))}`
      : "";
  return "  " + style.bad(`✖${message}`);
}

/** One aligned line per span (the first MAX_SPAN_LINES), then how many more there are. */
function spanLines(trace: Trace, style: Style): string[] {
  const all = rowsOf(trace);
  const rows = all.slice(0, MAX_SPAN_LINES);
  const width = (f: (r: Row) => string) => Math.max(...rows.map((r) => f(r).length));
  const serviceWidth = width((r) => printable(r.node.span.service));
  const labelWidth = width((r) => r.label);
  const durationWidth = width((r) => formatMs(r.node.span.durationMs));
  const lines = rows.map((r) => {
    const { durationMs } = r.node.span;
    const service = printable(r.node.span.service);
    const line = `  ${service.padEnd(serviceWidth)}  ${r.label.padEnd(labelWidth)}  ${formatMs(durationMs).padStart(durationWidth)}`;
    return line + errorText(r.node, style) + (r.orphan ? style.dim("  (parent span missing)") : "");
  });
  const hidden = all.length - rows.length;
  if (hidden > 0)
    lines.push(style.dim(`  … ${plural(hidden, "more span")}: open the link, or use --json`));
  return lines;
}

/**
 * A trace for the terminal: a summary line (root service and operation, span count, duration,
 * errors, age), its Jaeger UI link on `publishedHost`, then one aligned line per span, indented
 * by the tree.
 */
export function renderTrace(
  trace: Trace,
  now: number,
  publishedHost: string,
  style: Style = PLAIN,
): string[] {
  const { root } = trace;
  const errors = plural(trace.errorCount, "error");
  const facts = [
    plural(trace.spans.length, "span"),
    formatMs(trace.durationMs),
    trace.errorCount > 0 ? style.bad(errors) : errors,
    formatAge(now - trace.startMs),
  ];
  return [
    `${style.bold(printable(`${root.service} ${root.name}`))}  ${facts.join(", ")}`,
    `  ${style.dim(traceUrl(publishedHost, trace.traceId))}`,
    ...spanLines(trace, style),
  ];
}

import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

import type { GiniRun } from "./gini-run.js";

/** The most an answer carries, in bytes of JSON: an agent's context is not a log file. */
export const MAX_ANSWER_BYTES = 100_000;

/** A tool's failure as the agent sees it: gini's one-line message and its hint. */
export function failure(message: string, hint?: string): CallToolResult {
  const text = hint ? `error: ${message}\nhint: ${hint}` : `error: ${message}`;
  return { isError: true, content: [{ type: "text", text }] };
}

/** A run that printed no document: its `error:` and `hint:` lines, or its last words. */
export function failedRun(run: GiniRun): CallToolResult {
  const lines = run.stderr.split("\n");
  const message = lines.find((l) => l.startsWith("error: "))?.slice(7);
  const hint = lines.find((l) => l.startsWith("hint: "))?.slice(6);
  const last = lines.filter((l) => l.trim()).at(-1) ?? `exited with code ${run.code}`;
  return failure(message ?? last, hint);
}

/**
 * A document with a short text summary (for agents that read text), cut to MAX_ANSWER_BYTES by
 * dropping items from the end of its `listKey` array (said in the answer as `truncated`).
 */
export function documentAnswer(
  doc: Record<string, unknown>,
  summary: (doc: Record<string, unknown>) => string,
  listKey?: string,
): CallToolResult {
  let shown = doc;
  let truncated: string | undefined;
  const list = listKey ? doc[listKey] : undefined;
  if (Array.isArray(list) && JSON.stringify(doc).length > MAX_ANSWER_BYTES) {
    let kept = list.length;
    while (
      kept > 0 &&
      JSON.stringify({ ...doc, [listKey!]: list.slice(0, kept) }).length > MAX_ANSWER_BYTES
    ) {
      kept--;
    }
    truncated = `${listKey} cut to ${kept} of ${list.length}: the answer is limited to ${MAX_ANSWER_BYTES} bytes; ask for fewer`;
    shown = { ...doc, [listKey!]: list.slice(0, kept), truncated };
  }
  const text = summary(shown) + (truncated ? `\n(${truncated})` : "");
  return { content: [{ type: "text", text }], structuredContent: shown };
}

/** The document a `--json` run printed, or undefined when it printed none. */
export function documentOf(run: GiniRun): Record<string, unknown> | undefined {
  try {
    const doc: unknown = JSON.parse(run.stdout);
    return doc !== null && typeof doc === "object" && !Array.isArray(doc)
      ? (doc as Record<string, unknown>)
      : Array.isArray(doc)
        ? { items: doc }
        : undefined;
  } catch {
    return undefined;
  }
}

import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import * as z from "zod";

import { documentAnswer, documentOf, failedRun, failure, MAX_ANSWER_BYTES } from "./answer.js";
import type { GiniRunner } from "./gini-run.js";
import { MAX_LOG_LINES, TOOLS, type ToolSpec } from "./tools.js";

/** How `gini mcp` was started. */
export interface McpOptions {
  /** gini's version, which the server announces. */
  version: string;
  /** Offer `up` and `down`. */
  allowLifecycle: boolean;
  run: GiniRunner;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** A run's answer: its document when it printed one (a failing check still does), else its error. */
async function answerOf(
  spec: ToolSpec,
  input: Record<string, unknown>,
  run: GiniRunner,
): Promise<CallToolResult> {
  const done = await run(spec.args(input), spec.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (spec.lifecycle) {
    if (done.code !== 0) return failedRun(done);
    const lines = done.stdout.split("\n").filter((l) => l.trim());
    return {
      content: [{ type: "text", text: lines.join("\n") }],
      structuredContent: { exitCode: 0, output: lines },
    };
  }
  const doc = documentOf(done);
  return doc ? documentAnswer(doc, spec.summary, spec.listKey) : failedRun(done);
}

/** `logs`: the last lines of one service or app, the newest kept when the answer is over its size. */
async function logsAnswer(
  input: { name: string; tail?: number; since?: string },
  run: GiniRunner,
): Promise<CallToolResult> {
  const tail = input.tail ?? 100;
  // Joined, so that a value is never taken for another option.
  const since = input.since ? [`--since=${input.since}`] : [];
  const args = ["logs", input.name, `--tail=${tail}`, ...since];
  const done = await run(args, DEFAULT_TIMEOUT_MS);
  if (done.code !== 0) return failedRun(done);
  // One service's stderr lines are its own too (`docker logs` keeps the streams apart).
  const all = [...done.stdout.split("\n"), ...done.stderr.split("\n")].filter((l) => l !== "");
  const lines: string[] = [];
  let bytes = 0;
  for (const line of [...all].reverse()) {
    bytes += line.length + 1;
    if (bytes > MAX_ANSWER_BYTES) break;
    lines.unshift(line);
  }
  const truncated =
    lines.length < all.length
      ? `cut to the last ${lines.length} of ${all.length} lines: the answer is limited to ${MAX_ANSWER_BYTES} bytes`
      : undefined;
  const doc = { name: input.name, lines, ...(truncated ? { truncated } : {}) };
  return {
    content: [{ type: "text", text: lines.join("\n") + (truncated ? `\n(${truncated})` : "") }],
    structuredContent: doc,
  };
}

/** The MCP server with gini's tools (`up` and `down` only when lifecycle is allowed). */
function mcpServer(options: McpOptions): McpServer {
  const server = new McpServer({ name: "gini", version: options.version });
  for (const spec of TOOLS) {
    if (spec.lifecycle && !options.allowLifecycle) continue;
    server.registerTool(
      spec.name,
      { description: spec.description, inputSchema: spec.input },
      async (input: Record<string, unknown>) => {
        try {
          return await answerOf(spec, input, options.run);
        } catch (err) {
          return failure(err instanceof Error ? err.message : String(err));
        }
      },
    );
  }
  server.registerTool(
    "logs",
    {
      description: `The last lines of a stack service (otel-collector, jaeger, prometheus) or an app: \`gini logs NAME --tail N\`. At most ${MAX_LOG_LINES} lines and ${MAX_ANSWER_BYTES} bytes. The collector's log is the first place to look when spans do not arrive.`,
      inputSchema: {
        name: z
          .string()
          .regex(/^[a-z0-9][a-z0-9_.-]*$/)
          .describe("otel-collector, jaeger, prometheus, or an app's name"),
        tail: z
          .number()
          .int()
          .min(1)
          .max(MAX_LOG_LINES)
          .optional()
          .describe("lines from the end (default 100)"),
        since: z.string().optional().describe("only lines newer than this, e.g. 10m"),
      },
    },
    async (input) => {
      try {
        return await logsAnswer(input, options.run);
      } catch (err) {
        return failure(err instanceof Error ? err.message : String(err));
      }
    },
  );
  return server;
}

/** Serves the tools over stdio until the client closes the connection. */
export async function serveMcp(options: McpOptions): Promise<void> {
  const server = mcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
  await server.connect(transport);
  await closed;
}

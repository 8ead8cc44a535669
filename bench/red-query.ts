/**
 * `gini red --json` on a running stack: `gini up --detach` with the demo apps, `gini traffic` in
 * the background until RED data shows, then the command's wall time, each run followed by one
 * call of `gini mcp`'s `red` tool (what an agent waits for), side by side. The issue's target for
 * the command: a median of at most 500 ms.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

import { type BenchContext, BIN, gini, timed } from "./proc.js";
import { median, ms, ratio, sleep } from "./stats.js";
import { type Row, verdict } from "./table.js";

const RUNS = 20;
const TARGET_MS = 500;
const WAIT_FOR_DATA_MS = 60_000;

/** True once `gini red --json` lists a service (its figures come from the traffic). */
function hasData(ctx: BenchContext): boolean {
  const r = spawnSync(process.execPath, [BIN, "red", "--json"], {
    cwd: ctx.dir,
    env: ctx.env,
    encoding: "utf8",
  });
  try {
    return r.status === 0 && (JSON.parse(r.stdout) as { services: unknown[] }).services.length > 0;
  } catch {
    return false;
  }
}

/** Ctrl-C for `gini traffic`; SIGKILL if it lingers. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** What one MCP `red` call takes, through `gini mcp` and the SDK's client, as an agent sees it. */
async function mcpClient(
  ctx: BenchContext,
): Promise<{ red: () => Promise<number>; close: () => Promise<void> }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, "mcp"],
    cwd: ctx.dir,
    env: ctx.env as Record<string, string>,
    stderr: "ignore",
  });
  const client = new Client({ name: "gini-bench", version: "1.0.0" });
  await client.connect(transport);
  return {
    red: async () => {
      const start = performance.now();
      const answer = await client.callTool({ name: "red", arguments: {} });
      if (answer.isError)
        throw new Error(`the MCP red tool failed: ${JSON.stringify(answer.content)}`);
      return performance.now() - start;
    },
    close: () => client.close(),
  };
}

/** RED query times in ms: RUNS `gini red --json`, each followed by one MCP `red` call. */
export interface RedQueryTimes {
  cli: number[];
  mcp: number[];
}

/** The wall times of RUNS `gini red --json` on the stack and of as many MCP `red` calls, in ms. */
export async function measureRedQuery(ctx: BenchContext): Promise<RedQueryTimes> {
  gini(ctx, "up", "--detach");
  const traffic = spawn(process.execPath, [BIN, "traffic", "--rps", "10", "--duration", "600s"], {
    cwd: ctx.dir,
    env: ctx.env,
    stdio: "ignore",
  });
  try {
    const deadline = performance.now() + WAIT_FOR_DATA_MS;
    while (!hasData(ctx)) {
      if (performance.now() > deadline) throw new Error("gini red showed no data within 60 s");
      await sleep(1000);
    }
    const times: RedQueryTimes = { cli: [], mcp: [] };
    const mcp = await mcpClient(ctx);
    try {
      for (let i = 0; i < RUNS; i++) {
        times.cli.push(timed(ctx, process.execPath, [BIN, "red", "--json"]));
        times.mcp.push(await mcp.red());
      }
    } finally {
      await mcp.close();
    }
    process.stderr.write(`bench: gini red --json: ${times.cli.map((t) => ms(t)).join(", ")}\n`);
    process.stderr.write(`bench: MCP red: ${times.mcp.map((t) => ms(t)).join(", ")}\n`);
    return times;
  } finally {
    await stop(traffic);
    gini(ctx, "down");
  }
}

export function redQueryRows(times: RedQueryTimes): Row[] {
  const m = median(times.cli);
  const agent = median(times.mcp);
  return [
    {
      measure: `\`gini red --json\` on a running stack with the demo and \`gini traffic\` (${times.cli.length} runs)`,
      gini: ms(m, TARGET_MS),
      baseline: "",
      ratio: "",
      target: `≤ ${TARGET_MS} ms`,
      result: verdict(m <= TARGET_MS),
    },
    {
      measure: `MCP \`red\` tool call through \`gini mcp\` (SDK client), vs \`gini red --json\` run alongside (${times.mcp.length} runs)`,
      gini: ms(agent),
      baseline: ms(m),
      ratio: ratio(agent, m),
      target: "",
      result: "",
    },
  ];
}

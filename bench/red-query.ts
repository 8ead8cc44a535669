/**
 * `gini red --json` on a running stack: `gini up --detach` with the demo apps, `gini traffic` in
 * the background until RED data shows, then the command's wall time, interleaved with nothing
 * else. The target: a median of at most 500 ms.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";

import { type BenchContext, BIN, gini, timed } from "./proc.js";
import { median, ms, sleep } from "./stats.js";
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

/** The wall times of RUNS `gini red --json` on the stack, in ms. */
export async function measureRedQuery(ctx: BenchContext): Promise<number[]> {
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
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(timed(ctx, process.execPath, [BIN, "red", "--json"]));
    process.stderr.write(`bench: gini red --json: ${times.map((t) => ms(t)).join(", ")}\n`);
    return times;
  } finally {
    await stop(traffic);
    gini(ctx, "down");
  }
}

export function redQueryRow(times: number[]): Row {
  const m = median(times);
  return {
    measure: `\`gini red --json\` on a running stack with the demo and \`gini traffic\` (${times.length} runs)`,
    gini: ms(m, TARGET_MS),
    baseline: "",
    ratio: "",
    target: `≤ ${TARGET_MS} ms`,
    result: verdict(m <= TARGET_MS),
  };
}

/**
 * Measure 4: from `gini traffic`'s first request until Jaeger's Monitor API has a RED data point.
 * Each run starts from a fresh `gini up --detach` with the demo apps (old data would count), runs
 * `gini traffic`, takes the moment it announces its first request, and polls Jaeger's calls
 * endpoint until a series has a point.
 */
import { type ChildProcess, spawn } from "node:child_process";

import { type BenchContext, BIN, gini } from "./proc.js";
import { median, ms, sleep } from "./stats.js";
import { type Row, verdict } from "./table.js";

const CALLS_URL =
  "http://127.0.0.1:16686/api/metrics/calls?service=gini-api&lookback=300000&step=1000&ratePer=60000";
const GIVE_UP_MS = 90_000;
const POLL_MS = 200;

interface MetricsAnswer {
  metrics?: { metricPoints?: unknown[] }[];
}

async function hasRedPoint(): Promise<boolean> {
  try {
    const res = await fetch(CALLS_URL, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return false;
    const body = (await res.json()) as MetricsAnswer;
    return (body.metrics ?? []).some((m) => (m.metricPoints?.length ?? 0) > 0);
  } catch {
    return false;
  }
}

/** Resolves at the first line of `child`'s stdout matching `pattern`; rejects on exit or time. */
export function lineMatching(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no "${pattern.source}":\n${out}`)), timeoutMs);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(performance.now());
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`gini traffic exited (${code}):\n${out}`));
    });
  });
}

/** Ctrl-C for `gini traffic` (it prints its counts and exits); SIGKILL if it lingers. */
export async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function oneRun(ctx: BenchContext): Promise<number> {
  gini(ctx, "up", "--detach");
  let traffic: ChildProcess | undefined;
  try {
    traffic = spawn(process.execPath, [BIN, "traffic", "--rps", "5", "--duration", "300s"], {
      cwd: ctx.dir,
      env: ctx.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const first = await lineMatching(traffic, /^sending /m, 30_000);
    while (!(await hasRedPoint())) {
      if (performance.now() - first > GIVE_UP_MS) return Infinity;
      await sleep(POLL_MS);
    }
    return performance.now() - first;
  } finally {
    if (traffic && traffic.exitCode === null) await stop(traffic);
    gini(ctx, "down");
  }
}

export async function measureRedDelay(ctx: BenchContext, runs: number): Promise<number[]> {
  const delays: number[] = [];
  for (let i = 0; i < runs; i++) {
    delays.push(await oneRun(ctx));
    process.stderr.write(`bench: request → RED point run ${i + 1}/${runs}: ${ms(delays[i]!)}\n`);
  }
  return delays;
}

/** Issue 20's target: a median within 5 s, and no run over 8 s. */
const TARGET_MEDIAN_MS = 5000;
const TARGET_MAX_MS = 8000;

export function redRow(delays: number[]): Row {
  const m = median(delays);
  return {
    measure: `request → first RED data point in Jaeger's Monitor API (\`gini up --detach\` with the demo apps, \`gini traffic\`; ${delays.length} runs)`,
    gini: Number.isFinite(m) ? ms(m, TARGET_MEDIAN_MS) : `> ${GIVE_UP_MS / 1000} s`,
    baseline: `runs: ${delays.map((d) => (Number.isFinite(d) ? (d / 1000).toFixed(1) : "∞")).join(", ")} s`,
    ratio: "",
    target: "median ≤ 5 s, every run ≤ 8 s",
    result: verdict(m <= TARGET_MEDIAN_MS && Math.max(...delays) <= TARGET_MAX_MS),
  };
}

/**
 * How often `gini red --compare` calls a change significant when nothing changed: the demo under
 * `gini traffic`, consecutive windows, each saved as a baseline and compared with the next.
 * Every flagged operation is a false alarm. (The test of a real slowdown is in
 * test/baselines.test.ts.)
 */
import { type ChildProcess, spawn } from "node:child_process";

import type { CompareDoc } from "../test/helpers/json-docs.js";
import { type BenchContext, BIN, gini, giniJson } from "./proc.js";
import { lineMatching, stop } from "./red-delay.js";
import { sleep } from "./stats.js";
import { type Row, verdict } from "./table.js";

const WINDOW_SECONDS = 20;
/** A window, plus the span-metrics flush and a scrape, so that it holds only its own traffic. */
const FILL_MS = (WINDOW_SECONDS + 3) * 1000;
const RPS = 10;

export interface FalseAlarms {
  comparisons: number;
  /** Operations compared (enough requests on both sides), and those flagged. */
  operations: number;
  flagged: string[];
  /** Tests run (p50, p95, p99 and errors of each operation), and those with p below alpha. */
  tests: number;
  rejected: number;
}

export async function measureFalseAlarms(ctx: BenchContext, windows: number): Promise<FalseAlarms> {
  const seen: FalseAlarms = { comparisons: 0, operations: 0, flagged: [], tests: 0, rejected: 0 };
  gini(ctx, "up", "--detach");
  let traffic: ChildProcess | undefined;
  try {
    const args = [BIN, "traffic", "--rps", String(RPS), "--duration", "1h"];
    traffic = spawn(process.execPath, args, { cwd: ctx.dir, env: ctx.env });
    await lineMatching(traffic, /^sending /m, 30_000);
    await sleep(FILL_MS);
    for (let i = 0; i < windows; i++) {
      giniJson(ctx, "red", "--save", `same-${i}`, "--window", `${WINDOW_SECONDS}s`);
      await sleep(FILL_MS);
      const doc = giniJson<CompareDoc>(ctx, "red", "--compare", `same-${i}`);
      const compared = doc.operations.filter((o) => o.status === "compared");
      seen.comparisons++;
      seen.operations += compared.length;
      for (const o of compared) {
        const { p50, p95, p99 } = o.latencyMs;
        const tests = [o.errorPercent, p50, p95, p99].map((c) => c.test);
        seen.tests += tests.filter((t) => t !== null).length;
        seen.rejected += tests.filter((t) => t !== null && t.p < doc.method.alpha).length;
        if (o.significant) seen.flagged.push(`${o.service} ${o.operation} (window ${i + 1})`);
      }
      process.stderr.write(`bench: false alarms, comparison ${i + 1}/${windows} done\n`);
    }
  } finally {
    if (traffic && traffic.exitCode === null) await stop(traffic);
    gini(ctx, "down");
  }
  return seen;
}

/** Flagged operations among those compared: at most 1 %. */
const TARGET = 0.01;

export function falseAlarmRow(f: FalseAlarms): Row {
  const share = f.operations ? f.flagged.length / f.operations : NaN;
  return {
    measure: `false alarms of \`red --compare\`: unchanged \`gini traffic --rps ${RPS}\`, consecutive ${WINDOW_SECONDS} s windows, each compared with the one before (${f.comparisons} comparisons)`,
    gini: `${f.flagged.length} of ${f.operations} operations flagged${f.flagged.length ? ` (${f.flagged.join(", ")})` : ""}`,
    baseline: `${f.rejected} of ${f.tests} tests below α`,
    ratio: `${(share * 100).toFixed(1)} %`,
    target: "≤ 1 % of operations",
    result: verdict(share <= TARGET),
  };
}

/** `gini --version` cold start against bare `node -e 0`, interleaved. */
import { type BenchContext, BIN, timed } from "./proc.js";
import { median, ms, ratio } from "./stats.js";
import { type Row, verdict } from "./table.js";

const RUNS = 20;

export function coldStartRow(ctx: BenchContext): Row {
  const version: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    version.push(timed(ctx, process.execPath, [BIN, "--version"]));
    bare.push(timed(ctx, process.execPath, ["-e", "0"]));
  }
  const v = median(version);
  const b = median(bare);
  return {
    measure: `\`gini --version\` cold start (${RUNS} runs)`,
    gini: ms(v, 150),
    baseline: `\`node -e 0\` ${ms(b)}`,
    ratio: `${ratio(v, b)} node`,
    target: "≤ 150 ms",
    result: verdict(v <= 150),
  };
}

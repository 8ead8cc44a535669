/** `gini red --baselines` and `gini red --save`: what is saved, as lines. */
import type { Baseline } from "../red/index.js";
import { plural } from "../text/index.js";
import { bold, dim, ok, warn } from "./output.js";
import { formatTime, formatWindow } from "./red-format.js";

/** What a baseline holds, in a few words: `3 operations, 1204 requests, 1m window at 14:02:11`. */
function summary(b: Baseline): string {
  const requests = b.operations.reduce((sum, o) => sum + o.requests, 0);
  const at = formatTime(b.range.end);
  return `${plural(b.operations.length, "operation")}, ${plural(requests, "request")}, ${formatWindow(b.range.windowSeconds)} window ending ${at}`;
}

/** The line `gini red --save` prints. */
export function savedLine(b: Baseline, file: string): string {
  return `${ok("✔")} baseline ${bold(b.name)} saved to ${file}: ${summary(b)}`;
}

/** `gini red --baselines`: one line per saved baseline, or how to save one. */
export function baselineLines(
  listed: { name: string; baseline?: Baseline; problem?: string }[],
): string[] {
  if (listed.length === 0) {
    return [dim("no baselines saved; `gini red --save NAME` saves the last window's figures")];
  }
  const width = Math.max(...listed.map((l) => l.name.length));
  return listed.map((l) =>
    l.baseline
      ? `${l.name.padEnd(width)}  ${summary(l.baseline)}`
      : `${l.name.padEnd(width)}  ${warn(l.problem ?? "")}`,
  );
}

/** `gini check --baseline`'s lines: each operation against the baseline, then its offenders. */
import type { BaselineCheck, BaselineResult } from "../red/index.js";
import { ALPHA } from "../red/method.js";
import { formatMs, plural } from "../text/index.js";
import { bad, dim, ok, warn } from "./output.js";
import { formatPercent, formatWindow } from "./red-format.js";

const NAMES = { "p95-increase": "p95", "p99-increase": "p99", "error-rate-increase": "errors" };

const rowName = (r: BaselineResult) => `${r.service} ${r.operation}`;

/** `p95 9.1ms → 98ms (+977 % > +20 %, p < 0.001)`. */
export function checkRegressionText(g: BaselineResult["regressions"][number]): string {
  const figure = g.unit === "%" ? formatMs : formatPercent;
  // One decimal below 100, so that +20.3 % over a 20 % limit does not read "+20 % > +20 %".
  const n = g.increase < 100 ? Number(g.increase.toFixed(1)) : Math.round(g.increase);
  const increase = g.unit === "%" ? `+${n} % > +${g.max} %` : `+${n} pp > +${g.max} pp`;
  const p = g.p < 1e-6 ? "p < 1e-6" : `p = ${g.p.toPrecision(2)}`;
  return `${NAMES[g.limit]} ${figure(g.before)} → ${figure(g.after)} (${increase}, ${p})`;
}

function line(r: BaselineResult, width: number): string {
  const name = rowName(r).padEnd(width);
  const requests = dim(`${r.requests.before} → ${r.requests.after} requests`);
  switch (r.verdict) {
    case "pass":
      return `${ok("✔")} ${name}  ${requests}  ${dim("no significant regression")}`;
    case "fail":
      return `${bad("✖")} ${name}  ${requests}  ${bad(r.regressions.map(checkRegressionText).join(", "))}`;
    case "cannot-judge":
      return `${warn("?")} ${name}  ${warn(`cannot judge: ${r.reason ?? ""}`)}`;
    case "not-judged":
      return dim(`- ${name}  not judged: ${r.reason ?? ""}`);
  }
}

/** The title, a line per operation, and one line per significant regression. */
export function baselineCheckLines(b: BaselineCheck): string[] {
  const limits = [
    `p95 +${b.limits.p95IncreasePercent} %`,
    b.limits.p99IncreasePercent === undefined ? undefined : `p99 +${b.limits.p99IncreasePercent} %`,
    `errors +${b.limits.errorIncreasePoints} pp`,
  ].filter(Boolean);
  const title = dim(
    `last ${formatWindow(b.windowSeconds)} against baseline "${b.name}": at most ${limits.join(", ")}, significant at p < ${ALPHA}`,
  );
  const width = Math.max(0, ...b.results.map((r) => rowName(r).length));
  return [title, ...b.results.map((r) => line(r, width))];
}

/** The verdict's lines for the baseline's part: offenders, or why it cannot judge. */
export function baselineVerdictLines(b: BaselineCheck): string[] {
  if (b.verdict === "fail") {
    return b.results
      .filter((r) => r.verdict === "fail")
      .map((r) =>
        bad(
          `✖ regressed against "${b.name}": ${rowName(r)}: ${r.regressions.map(checkRegressionText).join(", ")}`,
        ),
      );
  }
  if (b.verdict === "cannot-judge") {
    const unjudged = b.results.filter((r) => r.verdict === "cannot-judge").length;
    const why =
      unjudged > 0
        ? `${plural(unjudged, "operation")} with fewer than ${b.minRequests} requests now`
        : `no operation with ${b.minRequests} requests in the baseline to judge by`;
    return [warn(`? cannot judge against "${b.name}": ${why} (exit 3)`)];
  }
  return [ok(`✔ no significant regression against "${b.name}"`)];
}

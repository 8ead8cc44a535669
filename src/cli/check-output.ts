/** `gini check`'s output: a line per judged row, then the verdict. */
import type { CheckReport, CheckResult } from "../red/index.js";
import { formatMs, plural } from "../text/index.js";
import { baselineCheckLines, baselineVerdictLines } from "./check-baseline-output.js";
import { bad, bold, dim, ok, warn } from "./output.js";
import { formatBudget, formatPercent, formatWindow } from "./red-format.js";
import { noDataLines } from "./red-table.js";

const NAMES = { p95: "p95", p99: "p99", error_rate: "error rate" } as const;

const rowName = (r: CheckResult) =>
  r.operation === null ? r.service : `${r.service} ${r.operation}`;

/** Each budgeted figure against its budget: `p95 412ms > 300ms`, the ones over it in red. */
function comparisons(r: CheckResult): string {
  const figures = [
    ["p95", formatMs(r.measured.p95Ms), r.budget.p95Ms, "ms"],
    ["p99", formatMs(r.measured.p99Ms), r.budget.p99Ms, "ms"],
    ["error_rate", formatPercent(r.measured.errorPercent), r.budget.errorPercent, "%"],
  ] as const;
  return figures
    .filter(([, , budget]) => budget !== null)
    .map(([name, value, budget, unit]) => {
      const over = r.violations.some((v) => v.budget === name);
      const text = `${NAMES[name]} ${value} ${over ? ">" : "≤"} ${formatBudget(budget!, unit)}`;
      return over ? bad(text) : text;
    })
    .join("  ");
}

function rowLine(r: CheckResult, width: number): string {
  const name = rowName(r).padEnd(width);
  const requests = dim(plural(r.requests, "request"));
  switch (r.verdict) {
    case "pass":
      return `${ok("✔")} ${name}  ${requests}  ${comparisons(r)}`;
    case "fail":
      return `${bad("✖")} ${name}  ${requests}  ${comparisons(r)}`;
    case "cannot-judge":
      return `${warn("?")} ${name}  ${warn(`cannot judge: ${r.reason ?? ""}`)}`;
    case "no-budget":
      return dim(`- ${name}  ${plural(r.requests, "request")}  no budget`);
  }
}

/** The last line: the verdict, naming each offender with its figure and budget. */
function verdictLines(report: CheckReport, verdict: CheckReport["verdict"]): string[] {
  const rows = report.results;
  if (verdict === "pass") {
    return [
      ok(
        `✔ within budget: ${rows
          .filter((r) => r.verdict === "pass")
          .map(rowName)
          .join(", ")}`,
      ),
    ];
  }
  if (verdict === "fail") {
    return rows
      .filter((r) => r.verdict === "fail")
      .map((r) => {
        const over = r.violations.map(
          (v) =>
            `${NAMES[v.budget]} ${v.unit === "ms" ? formatMs(v.measured) : formatPercent(v.measured)} over the ${formatBudget(v.limit, v.unit)} budget`,
        );
        return bad(`✖ over budget: ${rowName(r)}: ${over.join(", ")}`);
      });
  }
  const unjudged = rows.filter((r) => r.verdict === "cannot-judge").length;
  const what = report.operation === null ? "service" : "operation";
  const why = unjudged > 0 ? `${plural(unjudged, what)} with too few requests` : "no requests";
  return [
    warn(`? cannot judge: ${why} in the last ${formatWindow(report.windowSeconds)} (exit 3)`),
    ...(report.noData ? noDataLines(report.noData) : []),
  ];
}

/** The whole report as lines: the budgets' part, the baseline's part, then the verdicts. */
export function checkLines(report: CheckReport): string[] {
  const kind = report.spanKind ? `${report.spanKind} spans` : "all spans";
  const title = dim(
    `SLO check, last ${formatWindow(report.windowSeconds)}, ${kind}, ${report.prometheus}`,
  );
  const width = Math.max(0, ...report.results.map((r) => rowName(r).length));
  const b = report.baseline;
  // With --baseline alone, the budgets' part has nothing to say.
  const budgets = report.budgetVerdict;
  return [
    ...(budgets ? [title, ...report.results.map((r) => rowLine(r, width))] : []),
    ...(b ? baselineCheckLines(b) : []),
    ...(budgets ? verdictLines(report, budgets) : []).map((l) => bold(l)),
    ...(b ? baselineVerdictLines(b) : []).map((l) => bold(l)),
  ];
}

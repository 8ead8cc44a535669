/** `gini check --format markdown`: the verdict, a table per part, links to the traces behind it. */
import type { BaselineResult, CheckReport, CheckResult } from "../red/index.js";
import { formatMs } from "../text/index.js";
import { checkRegressionText } from "./check-baseline-output.js";
import { code, markdownTable } from "./markdown.js";
import { formatBudget, formatPercent, formatWindow } from "./red-format.js";
import { traceLinks } from "./trace-links.js";

const ICONS = {
  pass: "✅",
  fail: "❌",
  "cannot-judge": "❓",
  "no-budget": "➖",
  "not-judged": "➖",
};
const TITLES = { pass: "pass", fail: "fail", "cannot-judge": "cannot judge (exit 3)" };

/** `412ms (≤ 300ms)`; the measured figure alone without a budget. */
function figure(value: string, budget: number | null, unit: "ms" | "%"): string {
  return budget === null ? value : `${value} (budget ${formatBudget(budget, unit)})`;
}

/**
 * Where the slow traces behind a budget row start: its p95 budget when that is below the measured
 * p95 (the traces over budget), else the measured p95.
 */
function overBudgetFrom(r: CheckResult): number | null {
  const { p95Ms } = r.budget;
  return p95Ms === null || r.measured.p95Ms === null
    ? r.measured.p95Ms
    : Math.min(p95Ms, r.measured.p95Ms);
}

function budgetRows(report: CheckReport, jaegerUi: string): string[][] {
  return report.results
    .filter((r) => r.verdict !== "no-budget")
    .map((r: CheckResult) => {
      const q = {
        service: r.service,
        operation: r.operation,
        end: report.at,
        windowSeconds: report.windowSeconds,
      };
      return [
        ICONS[r.verdict],
        code(r.operation === null ? r.service : `${r.service} ${r.operation}`),
        String(r.requests),
        figure(formatMs(r.measured.p95Ms), r.budget.p95Ms, "ms"),
        figure(formatMs(r.measured.p99Ms), r.budget.p99Ms, "ms"),
        figure(formatPercent(r.measured.errorPercent), r.budget.errorPercent, "%"),
        r.reason ?? "",
        r.verdict === "pass" ? "" : traceLinks(jaegerUi, q, overBudgetFrom(r)),
      ];
    });
}

function baselineRows(report: CheckReport, jaegerUi: string): string[][] {
  const b = report.baseline!;
  return b.results.map((r: BaselineResult) => {
    const q = {
      service: r.service,
      operation: r.operation,
      end: report.at,
      windowSeconds: b.windowSeconds,
    };
    return [
      ICONS[r.verdict],
      code(`${r.service} ${r.operation}`),
      `${r.requests.before} → ${r.requests.after}`,
      r.verdict === "fail"
        ? r.regressions.map(checkRegressionText).join(", ")
        : (r.reason ?? "no significant regression"),
      r.verdict === "fail" ? traceLinks(jaegerUi, q, r.slowestFromMs) : "",
    ];
  });
}

/** The whole report as Markdown, ready to post as a pull-request comment. */
export function checkMarkdown(report: CheckReport, jaegerUi: string): string {
  const kind = report.spanKind ? `${report.spanKind} spans` : "all spans";
  const lines = [`### gini check: ${ICONS[report.verdict]} ${TITLES[report.verdict]}`, ""];
  if (report.noData) lines.push(`No data: ${report.noData.message} (${report.noData.hint})`, "");
  if (report.budgetVerdict) {
    lines.push(`Budgets, last ${formatWindow(report.windowSeconds)}, ${kind}:`, "");
    const header = [
      "",
      "service / operation",
      "requests",
      "p95",
      "p99",
      "errors",
      "note",
      "traces",
    ];
    lines.push(...markdownTable(header, budgetRows(report, jaegerUi)), "");
  }
  const b = report.baseline;
  if (b) {
    const limits = `p95 +${b.limits.p95IncreasePercent} %${b.limits.p99IncreasePercent === undefined ? "" : `, p99 +${b.limits.p99IncreasePercent} %`}, errors +${b.limits.errorIncreasePoints} pp`;
    lines.push(
      `Against baseline \`${b.name}\`, last ${formatWindow(b.windowSeconds)} (at most ${limits}; a regression counts when significant):`,
      "",
    );
    const header = ["", "service operation", "requests", "verdict", "traces"];
    lines.push(...markdownTable(header, baselineRows(report, jaegerUi)), "");
  }
  return lines.join("\n");
}

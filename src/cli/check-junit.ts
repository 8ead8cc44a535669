/**
 * `gini check --format junit`: JUnit XML for CI test views, one test case per budget and row, and
 * per relative limit and operation of a baseline. A failure is over budget or a significant
 * regression; an error cannot be judged (exit 3); skipped is not judged.
 */
import type { Builder, TestSuite as Suite } from "junit-report-builder";

import type { BaselineResult, CheckReport, CheckResult } from "../red/index.js";
import { formatMs } from "../text/index.js";
import { checkRegressionText } from "./check-baseline-output.js";
import { formatBudget, formatPercent } from "./red-format.js";

const NAMES = { p95: "p95", p99: "p99", error_rate: "error rate" } as const;

function budgetCases(suite: Suite, r: CheckResult): void {
  const row = r.operation === null ? r.service : `${r.service} ${r.operation}`;
  const budgets = [
    ["p95", formatMs(r.measured.p95Ms), r.budget.p95Ms, "ms"],
    ["p99", formatMs(r.measured.p99Ms), r.budget.p99Ms, "ms"],
    ["error_rate", formatPercent(r.measured.errorPercent), r.budget.errorPercent, "%"],
  ] as const;
  for (const [budget, value, limit, unit] of budgets) {
    if (limit === null) continue;
    const test = suite
      .testCase()
      .className(`gini.check.${r.service}`)
      .name(`${row}: ${NAMES[budget]} ≤ ${formatBudget(limit, unit)}`);
    if (r.verdict === "cannot-judge") test.error(`cannot judge: ${r.reason ?? ""}`, "cannot-judge");
    else if (r.violations.some((v) => v.budget === budget))
      test.failure(`${NAMES[budget]} ${value} > ${formatBudget(limit, unit)}`, "over-budget");
  }
}

function baselineCases(suite: Suite, r: BaselineResult, report: CheckReport): void {
  const b = report.baseline!;
  const limits = [
    ["p95-increase", `p95 +≤${b.limits.p95IncreasePercent} %`],
    ...(b.limits.p99IncreasePercent === undefined
      ? []
      : [["p99-increase", `p99 +≤${b.limits.p99IncreasePercent} %`] as const]),
    ["error-rate-increase", `errors +≤${b.limits.errorIncreasePoints} pp`],
  ] as const;
  for (const [limit, text] of limits) {
    const test = suite
      .testCase()
      .className(`gini.check.${r.service}`)
      .name(`${r.service} ${r.operation}: ${text} vs baseline ${b.name}`);
    const regression = r.regressions.find((g) => g.limit === limit);
    if (r.verdict === "not-judged") test.skipped();
    else if (r.verdict === "cannot-judge")
      test.error(`cannot judge: ${r.reason ?? ""}`, "cannot-judge");
    else if (regression) test.failure(checkRegressionText(regression), "regression");
  }
}

/** The report as a JUnit XML document (junit-report-builder, loaded only for this format). */
export async function checkJunit(report: CheckReport): Promise<string> {
  // A CommonJS module whose module.exports is the builder, though its types say `default`.
  const root = (await import("junit-report-builder")).default as unknown as Builder;
  const builder = root.newBuilder();
  const suite = builder.testSuite().name(`gini check (${report.spanKind ?? "all"} spans)`);
  if (report.budgetVerdict) for (const r of report.results) budgetCases(suite, r);
  if (report.baseline) for (const r of report.baseline.results) baselineCases(suite, r, report);
  // No case at all would show green in a CI view while the exit code says it could not judge.
  if (suite.getTestCaseCount() === 0) {
    const why = report.noData?.message ?? "no service or operation with requests to judge";
    suite
      .testCase()
      .className("gini.check")
      .name("gini check")
      .error(`cannot judge: ${why}`, report.verdict);
  }
  return builder.build();
}

/** `gini check`'s verdict: each selected service (or operation) against its budget. */
import type { SloConfig } from "../config/index.js";
import { EXIT_CANNOT_JUDGE, EXIT_FAILURE } from "../errors.js";
import { plural } from "../text/index.js";
import { type Budget, type BudgetFlags, budgetFor, EVERY_SERVICE, hasLimits } from "./budgets.js";
import type { CheckReport, CheckResult } from "./check-report.js";
import type { RedFigures, RedReport } from "./report.js";

/** A row to judge: a service, or one of its operations, with its figures. */
interface Row {
  service: string;
  operation: string | null;
  figures: RedFigures;
}

const NONE: RedFigures = {
  requestsPerSecond: 0,
  requests: 0,
  errorPercent: null,
  latencyMs: { p50: null, p95: null, p99: null },
  history: [],
};

/** One row against its budget. */
function judgeRow(
  service: string,
  operation: string | null,
  f: RedFigures,
  b: Budget,
): CheckResult {
  const measured = { p95Ms: f.latencyMs.p95, p99Ms: f.latencyMs.p99, errorPercent: f.errorPercent };
  const limits = [
    ["p95", measured.p95Ms, b.p95Ms, "ms"],
    ["p99", measured.p99Ms, b.p99Ms, "ms"],
    ["error_rate", measured.errorPercent, b.errorPercent, "%"],
  ] as const;
  const checked = limits.filter(([, , limit]) => limit !== undefined);
  const unmeasured = checked.filter(([, value]) => value === null).map(([name]) => name);
  const violations = checked
    .filter(([, value, limit]) => value !== null && value > limit!)
    .map(([budget, value, limit, unit]) => ({ budget, measured: value!, limit: limit!, unit }));
  const reason = !hasLimits(b)
    ? null
    : f.requests < b.minRequests
      ? `${plural(f.requests, "request")} in the window, fewer than the ${b.minRequests} needed to judge`
      : unmeasured.length > 0
        ? `no ${unmeasured.join(", ")} figure in the window`
        : null;
  const verdict = !hasLimits(b)
    ? "no-budget"
    : reason
      ? "cannot-judge"
      : violations.length > 0
        ? "fail"
        : "pass";
  const budget = {
    p95Ms: b.p95Ms ?? null,
    p99Ms: b.p99Ms ?? null,
    errorPercent: b.errorPercent ?? null,
    minRequests: b.minRequests,
  };
  return {
    service,
    operation,
    verdict,
    reason,
    requests: f.requests,
    measured,
    budget,
    violations,
  };
}

/**
 * Judges a RED report (read per operation when `--operation` is given): every row it has, plus
 * the services gini.yaml budgets or `--service` names that sent nothing (0 requests).
 */
export function judge(
  red: RedReport,
  slo: Record<string, SloConfig>,
  flags: BudgetFlags,
): CheckReport {
  const rows = red.services.flatMap<Row>((s) =>
    red.operation === null
      ? [{ service: s.name, operation: null, figures: s }]
      : s.operations.map((o) => ({ service: s.name, operation: o.name, figures: o })),
  );
  const named =
    red.service !== null ? [red.service] : Object.keys(slo).filter((k) => k !== EVERY_SERVICE);
  for (const service of named.filter((n) => !rows.some((r) => r.service === n))) {
    rows.push({ service, operation: red.operation, figures: NONE });
  }
  const results = rows.map((r) =>
    judgeRow(r.service, r.operation, r.figures, budgetFor(r.service, slo, flags)),
  );
  const { prometheus, at, windowSeconds, spanKind, service, operation, noData } = red;
  return {
    ...verdictOf([budgetsVerdict(results)]),
    budgetVerdict: budgetsVerdict(results),
    ...{ prometheus, at, windowSeconds, spanKind, service, operation },
    results,
    noData,
    baseline: null,
  };
}

/** The verdict of the budgets' rows alone: a row over budget fails; none judged cannot judge. */
function budgetsVerdict(results: CheckResult[]): CheckReport["verdict"] {
  const some = (v: CheckResult["verdict"]) => results.some((r) => r.verdict === v);
  return some("fail") ? "fail" : some("cannot-judge") || !some("pass") ? "cannot-judge" : "pass";
}

/**
 * The verdict of several judgements (absolute budgets, a baseline): fail when one fails, else
 * cannot-judge when one cannot, else pass; with its exit code.
 */
export function verdictOf(
  verdicts: CheckReport["verdict"][],
): Pick<CheckReport, "verdict" | "ok" | "exitCode"> {
  const verdict = verdicts.includes("fail")
    ? "fail"
    : verdicts.includes("cannot-judge") || verdicts.length === 0
      ? "cannot-judge"
      : "pass";
  return {
    verdict,
    ok: verdict === "pass",
    exitCode: verdict === "pass" ? 0 : verdict === "fail" ? EXIT_FAILURE : EXIT_CANNOT_JUDGE,
  };
}

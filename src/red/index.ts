/**
 * The public entry of src/red: RED metrics (rate, errors, duration) of the apps from Prometheus,
 * queried as Jaeger's Monitor tab does over the names the config model derives (`gini red`), the
 * SLO verdict on them (`gini check`), and baselines to compare with (`--save`, `--compare`,
 * `--baseline`). Other folders import red only from here.
 */
export { appServices } from "./app-services.js";
export { type Baseline, listBaselines } from "./baseline.js";
export { type BaselineCheck, type BaselineResult } from "./baseline-verdict.js";
export type { BeforeAfter } from "./before-after.js";
export { anyLimits, type BudgetFlags, DEFAULT_MIN_REQUESTS } from "./budgets.js";
export type { CheckReport, CheckResult } from "./check-report.js";
export type { CompareReport, LatencyChange, OperationComparison, Quantile } from "./compare.js";
export type { RelativeLimits } from "./method.js";
export type { RedSelection } from "./promql.js";
export type { NoData, RedFigures, RedReport } from "./report.js";
export { type RedDeps, type RedSource, redSource } from "./source.js";

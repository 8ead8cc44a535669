/**
 * The public entry of src/red: RED metrics (rate, errors, duration) of the apps from Prometheus,
 * queried as Jaeger's Monitor tab does over the names the config model derives (`gini red`), and
 * the SLO verdict on them (`gini check`). Other folders import red only from here.
 */
export { appServices } from "./app-services.js";
export { anyLimits, type BudgetFlags, DEFAULT_MIN_REQUESTS } from "./budgets.js";
export type { CheckReport, CheckResult } from "./check-report.js";
export type { RedSelection } from "./promql.js";
export type { NoData, RedFigures, RedReport } from "./report.js";
export { type RedDeps, redSource } from "./source.js";

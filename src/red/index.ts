/**
 * The public entry of src/red: RED metrics (rate, errors, duration) of the apps from Prometheus,
 * queried as Jaeger's Monitor tab does over the names the config model derives (`gini red`), and
 * the SLO verdict on them (`gini check`). Other folders import red only from here.
 */
export {
  anyLimits,
  type Budget,
  type BudgetFlags,
  DEFAULT_MIN_REQUESTS,
  EVERY_SERVICE,
} from "./budgets.js";
export type { CheckReport, CheckResult, Violation } from "./check-report.js";
export type { RedSelection } from "./promql.js";
export type { RedOptions } from "./read-red.js";
export type {
  Latencies,
  NoData,
  RedFigures,
  RedOperation,
  RedReport,
  RedService,
} from "./report.js";
export { realRedDeps, type RedDeps, type RedSource, redSource } from "./source.js";

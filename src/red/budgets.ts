/** `gini check`'s budgets: gini.yaml's `slo:` per service, under the CLI's flags. */
import type { SloConfig } from "../config/index.js";
import { durationSeconds, percentValue } from "../text/index.js";

/** Requests a row needs in the window before `gini check` judges it, unless told otherwise. */
export const DEFAULT_MIN_REQUESTS = 10;

/** The `slo:` key whose budgets apply to every service. */
export const EVERY_SERVICE = "*";

/** Budgets in numbers; a budget left undefined is not checked. */
export interface Budget {
  p95Ms?: number;
  p99Ms?: number;
  errorPercent?: number;
  /** Fewer requests than this in the window cannot be judged. */
  minRequests: number;
}

/** What the CLI's flags set (each wins over gini.yaml). */
export type BudgetFlags = Partial<Budget>;

/** One `slo:` entry as numbers (gini.yaml was validated when it loaded). */
function fromConfig(slo: SloConfig | undefined): BudgetFlags {
  const ms = (d: string | undefined) => {
    const seconds = durationSeconds(d);
    return seconds === undefined ? undefined : seconds * 1000;
  };
  return {
    p95Ms: ms(slo?.p95),
    p99Ms: ms(slo?.p99),
    errorPercent: percentValue(slo?.error_rate),
    minRequests: slo?.min_requests,
  };
}

/** Drops the undefined keys, so that spreading does not erase what a lower layer set. */
const defined = (b: BudgetFlags): BudgetFlags =>
  Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined));

/** A service's budget: the flags, over its own `slo:` entry, over `slo."*"`. */
export function budgetFor(
  service: string,
  slo: Record<string, SloConfig>,
  flags: BudgetFlags,
): Budget {
  return {
    minRequests: DEFAULT_MIN_REQUESTS,
    ...defined(fromConfig(slo[EVERY_SERVICE])),
    ...defined(fromConfig(slo[service])),
    ...defined(flags),
  };
}

/** True when a budget checks something beyond the request count. */
export const hasLimits = (b: BudgetFlags): boolean =>
  b.p95Ms !== undefined || b.p99Ms !== undefined || b.errorPercent !== undefined;

/** True when the flags or gini.yaml give at least one limit to check. */
export function anyLimits(slo: Record<string, SloConfig>, flags: BudgetFlags): boolean {
  return hasLimits(flags) || Object.values(slo).some((entry) => hasLimits(fromConfig(entry)));
}

/**
 * A percentage from 0 to 100, written `1%`, `0.5%` or as a bare number (`1` is 1 %), the way
 * gini.yaml's `slo:` budgets and `gini check --error-rate` take it; undefined for anything else.
 */
export function percentValue(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string") return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!match) return undefined;
  const percent = Number(match[1]);
  return percent <= 100 ? percent : undefined;
}

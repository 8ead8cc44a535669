import { type Check, type CheckStatus, GROUPS } from "./types.js";

const RANK: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

/** The document `gini doctor --json` prints; a contract, so fields only get added. */
export interface DoctorReport {
  /** True when no check failed (warnings do not fail). */
  ok: boolean;
  summary: Record<CheckStatus, number>;
  /** Most important first: groups by their worst check, then causal order; in a group, fails first. */
  checks: Check[];
}

/** Orders checks so the most important failure comes first, keeping groups together. */
function orderChecks(checks: readonly Check[]): Check[] {
  const causal = (c: Check) => GROUPS.findIndex(([id]) => id === c.group);
  const worst = new Map<string, number>();
  for (const c of checks) worst.set(c.group, Math.min(worst.get(c.group) ?? 9, RANK[c.status]));
  return checks
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        worst.get(a.c.group)! - worst.get(b.c.group)! ||
        causal(a.c) - causal(b.c) ||
        RANK[a.c.status] - RANK[b.c.status] ||
        a.i - b.i,
    )
    .map(({ c }) => c);
}

/** The report of a run: ordered checks, counts and the verdict. */
export function doctorReport(checks: readonly Check[]): DoctorReport {
  const summary: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of checks) summary[c.status] += 1;
  return { ok: summary.fail === 0, summary, checks: orderChecks(checks) };
}

/** Where `gini red` and `gini check` read from: the project's config facts and its Prometheus. */
import {
  type ConfigFacts,
  hostUrl,
  PORTS,
  type Project,
  readConfigFacts,
} from "../config/index.js";
import { type HttpGet, httpGet } from "../health/index.js";
import type { BudgetFlags } from "./budgets.js";
import type { CheckReport } from "./check-report.js";
import { prometheusAt } from "./prometheus.js";
import type { RedSelection } from "./promql.js";
import { readRed, type RedOptions } from "./read-red.js";
import type { RedReport } from "./report.js";
import { judge } from "./verdict.js";

/** What red and check touch outside themselves; tests pass fakes. */
export interface RedDeps {
  /** GET that never rejects. */
  http: HttpGet;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/** A query waits at most this long: Prometheus answers these in milliseconds. */
const QUERY_TIMEOUT_MS = 2500;

/** The real HTTP client and clock. */
export const realRedDeps = (): RedDeps => ({
  http: (url) => httpGet(url, QUERY_TIMEOUT_MS),
  now: Date.now,
});

/** A project's RED figures and verdicts, read afresh on every call (for `--watch`). */
export interface RedSource {
  facts: ConfigFacts;
  /** The RED report of a selection, now. */
  read(options: RedOptions): Promise<RedReport>;
  /** The verdict on a selection against the flags over gini.yaml's `slo:`. */
  check(selection: RedSelection, flags: BudgetFlags): Promise<CheckReport>;
}

/**
 * Reads the project's configs once; Prometheus is the stack's, on its published port (the URL
 * from the config model's contract, which the stack's services table re-exports: importing the
 * stack would load its Docker client, a third of `gini red`'s time).
 */
export async function redSource(
  project: Project,
  deps: RedDeps = realRedDeps(),
): Promise<RedSource> {
  const facts = await readConfigFacts(project);
  const prom = prometheusAt(hostUrl(PORTS.prometheus, ""), deps.http);
  const read = (options: RedOptions) => readRed(prom, facts, options, deps.now() / 1000);
  return {
    facts,
    read,
    check: async (selection, flags) => {
      const operations = selection.operation !== undefined;
      return judge(await read({ ...selection, operations, history: false }), project.slo, flags);
    },
  };
}

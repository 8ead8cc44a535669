/** Where `gini red` and `gini check` read from: the project's config facts and its Prometheus. */
import {
  type ConfigFacts,
  hostUrl,
  PORTS,
  type Project,
  readConfigFacts,
  type SpanKind,
} from "../config/index.js";
import { GiniError } from "../errors.js";
import { type HttpGet, httpGet } from "../health/index.js";
import { type Baseline, baselinePath, readBaseline, saveBaseline } from "./baseline.js";
import { judgeBaseline } from "./baseline-verdict.js";
import { type BeforeAfter, beforeAfter, type Runs, whenServed } from "./before-after.js";
import { anyLimits, type BudgetFlags, budgetFor, EVERY_SERVICE } from "./budgets.js";
import type { CheckReport } from "./check-report.js";
import { compare, type CompareReport } from "./compare.js";
import type { RelativeLimits } from "./method.js";
import { prometheusAt } from "./prometheus.js";
import type { RedSelection } from "./promql.js";
import { readRed, type RedOptions } from "./read-red.js";
import { readRedWindow } from "./red-window.js";
import type { RedReport } from "./report.js";
import { judge, verdictOf } from "./verdict.js";

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

/** What a comparison reads now: the baseline's selection, over another window when given. */
interface CompareOptions {
  windowSeconds?: number;
  /** Requests each side needs for a verdict; gini.yaml's `slo."*"` or the default otherwise. */
  minRequests?: number;
}

/** A project's RED figures and verdicts, read afresh on every call (for `--watch`). */
export interface RedSource {
  facts: ConfigFacts;
  /** The RED report of a selection, now. */
  read(options: RedOptions): Promise<RedReport>;
  /** Saves the selection's window now as a baseline; no data is an error saying why. */
  save(
    name: string,
    selection: RedSelection,
    giniVersion: string,
  ): Promise<{ baseline: Baseline; file: string }>;
  /** The window now next to a saved baseline's. */
  compare(name: string, options: CompareOptions): Promise<CompareReport>;
  /**
   * The verdict on a selection against the flags over gini.yaml's `slo:` (when either sets a
   * budget), and against a baseline's figures when one is named.
   */
  check(
    selection: RedSelection,
    flags: BudgetFlags,
    baseline?: { name: string; limits: RelativeLimits; windowSeconds?: number },
  ): Promise<CheckReport>;
  /**
   * For `up --watch`: the services' RED over an app's run before a change and its run after,
   * once the run after has served enough requests (read every scrape until then).
   */
  beforeAfter(services: string[], runs: Runs, signal: AbortSignal): Promise<BeforeAfter>;
}

/**
 * Reads the project's configs once; Prometheus is the stack's, on its port published on
 * `publishedHost` (the URL from the config model's contract, which the stack's services table
 * re-exports: importing the stack would load its Docker client, a third of `gini red`'s time).
 */
export async function redSource(
  project: Project,
  publishedHost: string,
  deps: RedDeps = realRedDeps(),
): Promise<RedSource> {
  const facts = await readConfigFacts(project);
  const prom = prometheusAt(hostUrl(publishedHost, PORTS.prometheus, ""), deps.http);
  const read = (options: RedOptions) => readRed(prom, facts, options, deps.now() / 1000);
  const compareWith = async (name: string, options: CompareOptions) => {
    const baseline = await readBaseline(project.dir, name);
    const { service, operation } = baseline.selection;
    const selection: RedSelection = {
      service: service ?? undefined,
      operation: operation ?? undefined,
      spanKind: (baseline.selection.spanKind as SpanKind | null) ?? undefined,
      windowSeconds: options.windowSeconds ?? baseline.range.windowSeconds,
    };
    const now = await readRedWindow(prom, facts, selection, deps.now() / 1000);
    const minRequests =
      options.minRequests ?? budgetFor(EVERY_SERVICE, project.slo, {}).minRequests;
    return compare(baseline, now, minRequests);
  };
  return {
    facts,
    read,
    save: async (name, selection, giniVersion) => {
      baselinePath(project.dir, name); // a bad name fails before Prometheus is asked
      const window = await readRedWindow(prom, facts, selection, deps.now() / 1000);
      if (window.noData) {
        throw new GiniError(`nothing to save as "${name}": ${window.noData.message}`, {
          hint: window.noData.hint,
        });
      }
      const baseline = { name, savedAt: new Date(deps.now()).toISOString(), gini: giniVersion };
      const saved = { ...baseline, ...window };
      return { baseline: saved, file: await saveBaseline(project.dir, saved) };
    },
    compare: compareWith,
    beforeAfter: (services, runs, signal) => {
      const { minRequests } = budgetFor(EVERY_SERVICE, project.slo, {});
      const window = (selection: RedSelection, time: number) =>
        readRedWindow(prom, facts, selection, time);
      const read = () => beforeAfter(window, facts, services, runs, deps.now(), minRequests);
      const everyMs = Math.max(1000, facts.scrapeSeconds * 1000);
      return whenServed(read, runs, { now: deps.now, everyMs, signal });
    },
    check: async (selection, flags, baseline) => {
      const operations = selection.operation !== undefined;
      const absolute = judge(
        await read({ ...selection, operations, history: false }),
        project.slo,
        flags,
      );
      if (!baseline) return absolute;
      const minRequests = budgetFor(EVERY_SERVICE, project.slo, flags).minRequests;
      const { windowSeconds } = baseline;
      const comparison = await compareWith(baseline.name, { windowSeconds, minRequests });
      // --service and --operation narrow the baseline's operations too.
      const selected = comparison.operations.filter(
        (o) =>
          (selection.service === undefined || o.service === selection.service) &&
          (selection.operation === undefined || o.operation === selection.operation),
      );
      const relative = judgeBaseline({ ...comparison, operations: selected }, baseline.limits);
      const budgetVerdict = anyLimits(project.slo, flags) ? absolute.budgetVerdict : null;
      const verdicts = budgetVerdict ? [budgetVerdict, relative.verdict] : [relative.verdict];
      return { ...absolute, ...verdictOf(verdicts), budgetVerdict, baseline: relative };
    },
  };
}

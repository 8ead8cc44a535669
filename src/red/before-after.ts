/**
 * `gini up --watch`'s question after a restart: what did the change do to the app's RED? Its run
 * before the change and its run since, compared as `gini red --compare` compares a baseline.
 */
import { setTimeout as sleep } from "node:timers/promises";

import type { ConfigFacts } from "../config/index.js";
import { compare, type CompareReport } from "./compare.js";
import type { RedSelection } from "./promql.js";
import type { RedWindow } from "./red-window.js";

/** An app's runs around a restart, in ms since the epoch. */
export interface Runs {
  /** The run before: from when it was ready to the change. */
  before: { from: number; to: number };
  /** When the restarted run got ready. */
  readyAt: number;
}

/** Reads a selection's window ending at a time (unix seconds). */
export type WindowReader = (selection: RedSelection, time: number) => Promise<RedWindow>;

/**
 * How long a span takes to show in Prometheus: the SDK's batch (gini asks for 0.5 s), the
 * collector's flush, the scrape, and a second to spare. A window starts this long after its run
 * got ready, so it holds none of the run before's spans.
 */
export const lagMs = (facts: ConfigFacts): number =>
  (facts.flushSeconds + facts.scrapeSeconds + 1.5) * 1000;

/** A window needs two scrapes in it for `increase()` to see a change. */
const shortestSeconds = (facts: ConfigFacts) => 2 * facts.scrapeSeconds + 1;

/** The window from `from` to `to` (ms), or undefined when it is too short to read. */
function windowOf(facts: ConfigFacts, from: number, to: number) {
  const windowSeconds = Math.floor((to - from) / 1000);
  return windowSeconds < shortestSeconds(facts) ? undefined : { windowSeconds, time: to / 1000 };
}

/** What {@link beforeAfter} found: a comparison, or which run was too short to read. */
export type BeforeAfter = CompareReport | { tooShort: "before" | "after" };

/**
 * The server spans of `services` over the run before the change and the run since (up to `now`),
 * each from one lag after it got ready.
 */
export async function beforeAfter(
  read: WindowReader,
  facts: ConfigFacts,
  services: string[],
  runs: Runs,
  now: number,
  minRequests: number,
): Promise<BeforeAfter> {
  const lag = lagMs(facts);
  const before = windowOf(facts, runs.before.from + lag, runs.before.to);
  if (!before) return { tooShort: "before" };
  const after = windowOf(facts, runs.readyAt + lag, now);
  if (!after) return { tooShort: "after" };
  const windowOfServices = async ({
    windowSeconds,
    time,
  }: {
    windowSeconds: number;
    time: number;
  }) => {
    const window = await read({ spanKind: "server", windowSeconds }, time);
    return { ...window, operations: window.operations.filter((o) => services.includes(o.service)) };
  };
  const [b, a] = await Promise.all([windowOfServices(before), windowOfServices(after)]);
  const baseline = { ...b, name: "before the change", savedAt: b.range.end, gini: "" };
  return compare(baseline, a, minRequests);
}

/**
 * Whether the run after has served enough: every operation with `minRequests` before has as
 * many after. Operations seldom called before hold nothing up.
 */
export function servedEnough(report: CompareReport): boolean {
  const { minRequests } = report.method;
  return report.operations
    .filter((o) => o.requests.before >= minRequests)
    .every((o) => o.requests.after >= minRequests);
}

/** How long gini waits for the run after to serve enough before it compares what there is. */
const SERVE_WAIT_MS = 120_000;

/**
 * Reads {@link beforeAfter} every scrape until the run after has served enough (or the wait is
 * over, or the run before was too short to compare); rejects when the signal aborts.
 */
export async function whenServed(
  read: () => Promise<BeforeAfter>,
  runs: Runs,
  options: { now: () => number; everyMs: number; signal: AbortSignal },
): Promise<BeforeAfter> {
  for (;;) {
    await sleep(options.everyMs, undefined, { signal: options.signal });
    const found = await read();
    if ("tooShort" in found && found.tooShort === "before") return found;
    const waited = options.now() - runs.readyAt > SERVE_WAIT_MS;
    if (waited || (!("tooShort" in found) && servedEnough(found))) return found;
  }
}

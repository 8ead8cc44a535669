/** Why a selection has no RED figures: said instead of showing zeros. */
import { ACCEPTED_SPANS_METRIC, type ConfigFacts } from "../config/index.js";
import { unmatched } from "./no-match.js";
import type { Prometheus, Target } from "./prometheus.js";
import { acceptedSpansQuery, inventoryQuery, type RedSelection, samplesQuery } from "./promql.js";
import type { NoData } from "./report.js";

/** Where Prometheus scrapes the span metrics. */
const spanMetricsTarget = (facts: ConfigFacts) => `otel-collector:${facts.spanMetricsPort}`;

/** No calls series at all: is Prometheus scraping the collector, and did the collector get spans? */
async function nothingScraped(
  prom: Prometheus,
  facts: ConfigFacts,
  target: Target | undefined,
  time: number,
): Promise<NoData> {
  const wanted = spanMetricsTarget(facts);
  const scrape = target?.scrapeSeconds ?? facts.scrapeSeconds;
  const wait = facts.flushSeconds + scrape;
  if (!target && !facts.scrapesSpanMetrics) {
    return {
      reason: "no-scrape-target",
      message: `prometheus does not scrape ${wanted}, where the span metrics are`,
      hint: `add "${wanted}" to prometheus.yml's scrape_configs (\`gini validate\` checks it), then \`gini up\``,
    };
  }
  if (target?.health === "down") {
    return {
      reason: "target-down",
      message: `prometheus cannot scrape ${wanted}: ${target.lastError || "no error given"}`,
      hint: "`gini doctor` says why and what to do",
    };
  }
  if (!target || target.health !== "up") {
    return {
      reason: "not-scraped-yet",
      message: `prometheus has not scraped the span metrics at ${wanted} yet`,
      hint: `wait a scrape interval (${scrape} s) and try again`,
    };
  }
  const accepted = await prom.instant(acceptedSpansQuery(ACCEPTED_SPANS_METRIC), time);
  if (!((accepted[0]?.value ?? 0) > 0)) {
    return {
      reason: "no-spans",
      message: `no span metrics: the collector has received no spans`,
      hint: "send requests to your app (`gini traffic` for the demo); it must export OTLP to localhost:4317 (`gini doctor` checks it)",
    };
  }
  return {
    reason: "no-span-metrics-yet",
    message: `the collector has received spans, but ${facts.names.calls} is not in prometheus yet`,
    hint: `wait about ${wait} s (span metrics flush every ${facts.flushSeconds} s, prometheus scrapes every ${scrape} s)`,
  };
}

/** Why the selection gave no rate: asked only when the rate query came back empty. */
export async function whyNoData(
  prom: Prometheus,
  facts: ConfigFacts,
  sel: RedSelection,
  time: number,
): Promise<NoData> {
  const [all, targets] = await Promise.all([
    prom.instant(inventoryQuery(facts.names), time),
    prom.targets(),
  ]);
  // Prometheus knows its scrape interval; the project's prometheus.yml is the fallback.
  const target = targets.find((t) => t.address === spanMetricsTarget(facts));
  if (all.length === 0) return nothingScraped(prom, facts, target, time);
  const missing = unmatched(all, facts, sel);
  if (missing) return missing;
  const window = `${sel.windowSeconds} s`;
  const scrape = target?.scrapeSeconds ?? facts.scrapeSeconds;
  if (sel.windowSeconds < 2 * scrape) {
    return {
      reason: "window-too-short",
      message: `a ${window} window holds fewer than two scrapes (prometheus scrapes every ${scrape} s), and a rate needs two`,
      hint: `use --window ${2 * scrape}s or longer`,
    };
  }
  const samples = (await prom.instant(samplesQuery(facts.names, sel), time))[0]?.value ?? 0;
  return samples >= 1
    ? {
        reason: "one-scrape-so-far",
        message:
          "prometheus has scraped these span metrics once so far, and a rate needs two scrapes",
        hint: `wait ${scrape} s and try again`,
      }
    : {
        reason: "no-recent-data",
        message: `no span metrics for this selection in the last ${window}`,
        hint: "send requests to your app, or widen --window; `gini status` shows whether the collector runs",
      };
}

import { durationSeconds } from "../../../text/index.js";
import {
  DEFAULT_SCRAPE_SECONDS,
  flushInterval,
  scrapeTargets,
  SPAN_METRICS_DEFAULTS,
  spanMetricsConnectors,
} from "../../model/index.js";
import { type ConfigDoc, findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "dev-timing";
const MAX_SECONDS = 5;

/** Dev-friendly timing: span metrics flushed and scraped every 5 s or less, so RED metrics show in seconds. */
export const devTiming: Rule = (ctx) => [
  ...(ctx.collector ? flushFindings(ctx.collector) : []),
  ...(ctx.prometheus ? scrapeFindings(ctx.prometheus) : []),
];

function flushFindings(collector: ConfigDoc): Finding[] {
  return spanMetricsConnectors(collector.data).flatMap((id) => {
    const value = flushInterval(collector.data, id);
    const seconds =
      value === undefined ? SPAN_METRICS_DEFAULTS.flushSeconds : durationSeconds(value);
    if (seconds === undefined || seconds <= MAX_SECONDS) return [];
    return [
      findingAt(
        collector,
        value === undefined ? ["connectors", id] : ["connectors", id, "metrics_flush_interval"],
        "warning",
        RULE,
        `connector "${id}" flushes every ${value === undefined ? `${SPAN_METRICS_DEFAULTS.flushSeconds}s (the default)` : JSON.stringify(value).replace(/^"|"$/g, "")}, so new RED metrics take that long to appear`,
        "set `metrics_flush_interval: 5s`",
      ),
    ];
  });
}

/** One warning per slow job that scrapes the collector. */
function scrapeFindings(prometheus: ConfigDoc): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const target of scrapeTargets(prometheus.data)) {
    if (target.host !== "otel-collector" || seen.has(target.job)) continue;
    const seconds =
      target.interval === undefined ? DEFAULT_SCRAPE_SECONDS : durationSeconds(target.interval);
    if (seconds === undefined || seconds <= MAX_SECONDS) continue;
    seen.add(target.job);
    findings.push(
      findingAt(
        prometheus,
        target.keys,
        "warning",
        RULE,
        `job "${target.job}" scrapes every ${target.interval ?? `${DEFAULT_SCRAPE_SECONDS / 60}m (the default)`}, so new metrics take that long to reach Prometheus`,
        "set `scrape_interval: 5s` under global: or in the job",
      ),
    );
  }
  return findings;
}

import { durationSeconds } from "../../../text/index.js";
import {
  DEFAULT_SCRAPE_SECONDS,
  flushInterval,
  PORTS,
  prometheusExporters,
  type ScrapeTarget,
  scrapeTargets,
  SPAN_METRICS_DEFAULTS,
  spanMetricsConnectors,
} from "../../model/index.js";
import { type ConfigDoc, findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "dev-timing";
const MAX_SECONDS = 5;
/**
 * The span-metrics scrape decides how soon a request shows as a RED point: with gini's 1 s
 * flush and Prometheus's start timestamps, a scrape every 2 s or less keeps it within 5 s.
 */
const SPAN_METRICS_MAX_SECONDS = 2;

/**
 * Dev-friendly timing: span metrics flushed every 5 s or less and scraped every 2 s or less (the
 * collector's other metrics every 5 s or less), so RED metrics show within seconds.
 */
export const devTiming: Rule = (ctx) => {
  const spanMetricsPort = prometheusExporters(ctx.collector?.data)[0]?.port || PORTS.spanMetrics;
  return [
    ...(ctx.collector ? flushFindings(ctx.collector) : []),
    ...(ctx.prometheus ? scrapeFindings(ctx.prometheus, spanMetricsPort) : []),
  ];
};

function flushFindings(collector: ConfigDoc): Finding[] {
  return spanMetricsConnectors(collector.data).flatMap((id) => {
    const value = flushInterval(collector.data, id);
    const seconds =
      value === undefined ? SPAN_METRICS_DEFAULTS.flushSeconds : durationSeconds(value);
    if (seconds === undefined || seconds <= MAX_SECONDS) return [];
    return [
      findingAt({
        doc: collector,
        keys:
          value === undefined ? ["connectors", id] : ["connectors", id, "metrics_flush_interval"],
        severity: "warning",
        rule: RULE,
        message: `connector "${id}" flushes every ${value === undefined ? `${SPAN_METRICS_DEFAULTS.flushSeconds}s (the default)` : JSON.stringify(value).replace(/^"|"$/g, "")}, so new RED metrics take that long to appear`,
        fix: "set `metrics_flush_interval: 5s`",
      }),
    ];
  });
}

/** One warning per slow job that scrapes the collector. */
function scrapeFindings(prometheus: ConfigDoc, spanMetricsPort: number): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const target of scrapeTargets(prometheus.data)) {
    if (target.host !== "otel-collector" || seen.has(target.job)) continue;
    const spanMetrics = target.port === spanMetricsPort;
    const seconds =
      target.interval === undefined ? DEFAULT_SCRAPE_SECONDS : durationSeconds(target.interval);
    if (seconds === undefined || seconds <= (spanMetrics ? SPAN_METRICS_MAX_SECONDS : MAX_SECONDS))
      continue;
    seen.add(target.job);
    findings.push(scrapeFinding(prometheus, target, spanMetrics));
  }
  return findings;
}

function scrapeFinding(prometheus: ConfigDoc, target: ScrapeTarget, spanMetrics: boolean) {
  const every = target.interval ?? `${DEFAULT_SCRAPE_SECONDS / 60}m (the default)`;
  return spanMetrics
    ? findingAt({
        doc: prometheus,
        keys: target.keys,
        severity: "warning",
        rule: RULE,
        message: `job "${target.job}" scrapes the span metrics every ${every}, so a request takes that long or longer to show in the Monitor tab`,
        fix: `set \`scrape_interval: 1s\` in the job (and \`scrape_timeout: 1s\`)`,
      })
    : findingAt({
        doc: prometheus,
        keys: target.keys,
        severity: "warning",
        rule: RULE,
        message: `job "${target.job}" scrapes every ${every}, so new metrics take that long to reach Prometheus`,
        fix: "set `scrape_interval: 5s` under global: or in the job",
      });
}

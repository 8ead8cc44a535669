import { findingAt } from "../document.js";
import { componentIds, get, sameType } from "../model.js";
import { durationSeconds, scrapeTargets } from "../prometheus-model.js";
import type { Finding, Rule } from "../types.js";

const RULE = "dev-timing";
const MAX_SECONDS = 5;

/** Dev-friendly timing: span metrics flushed and scraped every 5 s or less, so RED metrics show in seconds. */
export const devTiming: Rule = (ctx) => {
  const findings: Finding[] = [];
  const { collector, prometheus } = ctx;
  if (collector) {
    for (const id of componentIds(collector.data, "connectors").filter((c) =>
      sameType(c, "span_metrics"),
    )) {
      const value = get(collector.data, "connectors", id, "metrics_flush_interval");
      const seconds = value === undefined ? 60 : durationSeconds(value);
      if (seconds !== undefined && seconds > MAX_SECONDS) {
        findings.push(
          findingAt(
            collector,
            value === undefined ? ["connectors", id] : ["connectors", id, "metrics_flush_interval"],
            "warning",
            RULE,
            `connector "${id}" flushes every ${value ?? "60s (the default)"}, so new RED metrics take that long to appear`,
            "set `metrics_flush_interval: 5s`",
          ),
        );
      }
    }
  }
  if (prometheus) {
    const seen = new Set<string>();
    for (const target of scrapeTargets(prometheus.data).filter(
      (t) => t.host === "otel-collector",
    )) {
      const seconds = target.interval === undefined ? 60 : durationSeconds(target.interval);
      if (seconds === undefined || seconds <= MAX_SECONDS || seen.has(target.job)) continue;
      seen.add(target.job);
      findings.push(
        findingAt(
          prometheus,
          target.keys,
          "warning",
          RULE,
          `job "${target.job}" scrapes every ${target.interval ?? "1m (the default)"}, so new metrics take that long to reach Prometheus`,
          "set `scrape_interval: 5s` under global: or in the job",
        ),
      );
    }
  }
  return findings;
};

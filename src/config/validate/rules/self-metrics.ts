import { get, isLoopback, PORTS, scrapeTargets, selfMetricsReader } from "../../model/index.js";
import { findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "self-metrics";
const READERS_FIX = `under service.telemetry.metrics set \`readers: [{ pull: { exporter: { prometheus: { host: 0.0.0.0, port: ${PORTS.selfMetrics} } } } }]\``;

/** The collector's own metrics (otelcol_*) must be served on 0.0.0.0:8888 for Prometheus' second target. */
export const selfMetrics: Rule = (ctx) => {
  const { collector, prometheus } = ctx;
  if (!collector) return [];
  const findings: Finding[] = [];
  if (get(collector.data, "service", "telemetry", "metrics", "address") !== undefined) {
    findings.push(
      findingAt({
        doc: collector,
        keys: ["service", "telemetry", "metrics", "address"],
        severity: "error",
        rule: RULE,
        message:
          "service.telemetry.metrics.address was removed from the collector: it refuses to start with it (has invalid keys: address)",
        fix: `remove it and ${READERS_FIX}`,
      }),
    );
  }
  const reader = selfMetricsReader(collector.data);
  const port = reader?.port ?? PORTS.selfMetrics;
  if (reader && (reader.host === undefined || isLoopback(reader.host))) {
    findings.push(
      findingAt({
        doc: collector,
        keys: reader.keys,
        severity: "warning",
        rule: RULE,
        message: `the collector serves its own metrics on ${reader.host ?? "localhost"}:${port}, unreachable from Prometheus`,
        fix: "set `host: 0.0.0.0`",
      }),
    );
  }
  if (!prometheus) return findings;
  const target = scrapeTargets(prometheus.data).find(
    (t) => t.host === "otel-collector" && t.port === port,
  );
  if (!target) {
    findings.push(
      findingAt({
        doc: prometheus,
        keys: ["scrape_configs"],
        severity: "warning",
        rule: RULE,
        message: `nothing scrapes otel-collector:${port}, the collector's own metrics (accepted, refused and exported spans)`,
        fix: `add a job with target "otel-collector:${port}"`,
      }),
    );
  } else if (!reader) {
    findings.push(
      findingAt({
        doc: prometheus,
        keys: target.keys,
        severity: "warning",
        rule: RULE,
        message: `"${target.raw}" is never up: ${collector.file} serves the collector's own metrics on localhost only`,
        fix: `in ${collector.file}, ${READERS_FIX}`,
      }),
    );
  }
  return findings;
};

import { findingAt } from "../document.js";
import { asRecord, componentIds, get, parseEndpoint, pipelines, sameType } from "../model.js";
import { scrapeTargets, selfMetricsReader } from "../prometheus-model.js";
import type { Finding, Rule } from "../types.js";

const RULE = "scrape-target";
const SERVICE = "otel-collector";

/**
 * prometheus.yml must scrape the port the collector's prometheus exporter serves, on the
 * otel-collector service: otherwise the span metrics never reach Prometheus (a target never up).
 */
export const scrapeTarget: Rule = (ctx) => {
  const { collector, prometheus } = ctx;
  if (!collector) return [];
  const findings: Finding[] = [];
  const ids = componentIds(collector.data, "exporters").filter((id) => sameType(id, "prometheus"));
  if (ids.length === 0) {
    return [
      findingAt(
        collector,
        ["exporters"],
        "error",
        RULE,
        "no prometheus exporter: the span metrics are never served for Prometheus to scrape",
        "add `exporters: { prometheus: { endpoint: 0.0.0.0:8889 } }` and list it in the metrics pipeline",
      ),
    ];
  }
  const metricsExporters = new Set(
    pipelines(collector.data)
      .filter((p) => p.signal === "metrics")
      .flatMap((p) => p.exporters),
  );
  const ports: number[] = [];
  for (const id of ids) {
    const endpoint = get(asRecord(get(collector.data, "exporters"))?.[id], "endpoint");
    const port = typeof endpoint === "string" ? parseEndpoint(endpoint).port : undefined;
    if (port === undefined) {
      findings.push(
        findingAt(
          collector,
          ["exporters", id],
          "error",
          RULE,
          `exporter "${id}" has no endpoint port to serve metrics on`,
          "set `endpoint: 0.0.0.0:8889`",
        ),
      );
    } else if (!metricsExporters.has(id)) {
      findings.push(
        findingAt(
          collector,
          ["exporters", id],
          "error",
          RULE,
          `exporter "${id}" is not in any metrics pipeline, so it serves nothing`,
          `add ${id} to the exporters of the metrics pipeline that receives span_metrics`,
        ),
      );
    } else {
      ports.push(port);
    }
  }
  if (!prometheus) return findings;
  const targets = scrapeTargets(prometheus.data);
  const selfPort = selfMetricsReader(collector.data)?.port ?? 8888;
  for (const port of ports) {
    if (targets.some((t) => t.host === SERVICE && t.port === port)) continue;
    const wrongHost = targets.find((t) => t.port === port);
    const wrongPort = targets.find((t) => t.host === SERVICE && t.port !== selfPort);
    if (wrongHost) {
      findings.push(
        findingAt(
          prometheus,
          wrongHost.keys,
          "error",
          RULE,
          `scrape target "${wrongHost.raw}" is not the otel-collector service, so it is never up`,
          `use "${SERVICE}:${port}": services reach each other by name on gini-network`,
        ),
      );
    } else if (wrongPort) {
      findings.push(
        findingAt(
          prometheus,
          wrongPort.keys,
          "error",
          RULE,
          `scrape target "${wrongPort.raw}" does not match the collector's prometheus exporter, which serves port ${port} (${collector.file})`,
          `scrape "${SERVICE}:${port}", or change the exporter's endpoint to port ${wrongPort.port ?? "?"}`,
        ),
      );
    } else {
      findings.push(
        findingAt(
          prometheus,
          ["scrape_configs"],
          "error",
          RULE,
          `nothing scrapes ${SERVICE}:${port}, where the collector serves the span metrics`,
          `add a job: \`- job_name: spanmetrics\n    static_configs: [{ targets: ["${SERVICE}:${port}"] }]\``,
        ),
      );
    }
  }
  return findings;
};

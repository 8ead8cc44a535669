import {
  type KeyPath,
  NETWORK,
  pipelines,
  PORTS,
  prometheusExporters,
  scrapeTargets,
  selfMetricsReader,
} from "../../model/index.js";
import { type ConfigDoc, findingAt } from "../document.js";
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
  const exporters = prometheusExporters(collector.data);
  if (exporters.length === 0) {
    return [
      findingAt({
        doc: collector,
        keys: ["exporters"],
        severity: "error",
        rule: RULE,
        message:
          "no prometheus exporter: the span metrics are never served for Prometheus to scrape",
        fix: `add \`exporters: { prometheus: { endpoint: 0.0.0.0:${PORTS.spanMetrics} } }\` and list it in the metrics pipeline`,
      }),
    ];
  }
  const inMetrics = new Set(
    pipelines(collector.data)
      .filter((p) => p.signal === "metrics")
      .flatMap((p) => p.exporters),
  );
  const findings: Finding[] = [];
  const ports: number[] = [];
  for (const { id, port } of exporters) {
    if (port === undefined) {
      findings.push(
        findingAt({
          doc: collector,
          keys: ["exporters", id],
          severity: "error",
          rule: RULE,
          message: `exporter "${id}" has no endpoint port to serve metrics on`,
          fix: `set \`endpoint: 0.0.0.0:${PORTS.spanMetrics}\``,
        }),
      );
    } else if (!inMetrics.has(id)) {
      findings.push(
        findingAt({
          doc: collector,
          keys: ["exporters", id],
          severity: "error",
          rule: RULE,
          message: `exporter "${id}" is not in any metrics pipeline, so it serves nothing`,
          fix: `add ${id} to the exporters of the metrics pipeline that receives span_metrics`,
        }),
      );
    } else {
      ports.push(port);
    }
  }
  return prometheus ? [...findings, ...targetFindings(collector, prometheus, ports)] : findings;
};

/** For each port the span metrics are served on: the target that should scrape it, or its absence. */
function targetFindings(collector: ConfigDoc, prometheus: ConfigDoc, ports: number[]): Finding[] {
  const targets = scrapeTargets(prometheus.data);
  const selfPort = selfMetricsReader(collector.data)?.port ?? PORTS.selfMetrics;
  const error = (keys: KeyPath, message: string, fix: string) =>
    findingAt({ doc: prometheus, keys, severity: "error", rule: RULE, message, fix });
  return ports.flatMap((port): Finding[] => {
    if (targets.some((t) => t.host === SERVICE && t.port === port)) return [];
    const wrongHost = targets.find((t) => t.port === port);
    if (wrongHost) {
      return [
        error(
          wrongHost.keys,
          `scrape target "${wrongHost.raw}" is not the otel-collector service, so it is never up`,
          `use "${SERVICE}:${port}": services reach each other by name on ${NETWORK}`,
        ),
      ];
    }
    const wrongPort = targets.find((t) => t.host === SERVICE && t.port !== selfPort);
    if (wrongPort) {
      return [
        error(
          wrongPort.keys,
          `scrape target "${wrongPort.raw}" does not match the collector's prometheus exporter, which serves port ${port} (${collector.file})`,
          `scrape "${SERVICE}:${port}", or change the exporter's endpoint to port ${wrongPort.port ?? "?"}`,
        ),
      ];
    }
    return [
      error(
        ["scrape_configs"],
        `nothing scrapes ${SERVICE}:${port}, where the collector serves the span metrics`,
        `add a job: \`- job_name: spanmetrics\n    static_configs: [{ targets: ["${SERVICE}:${port}"] }]\``,
      ),
    ];
  });
}

import { pipelines, spanMetricsConnectors } from "../../model/index.js";
import { findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "spanmetrics-wiring";

/** The span_metrics connector must leave a traces pipeline and feed a metrics pipeline. */
export const spanmetricsWiring: Rule = (ctx) => {
  const doc = ctx.collector;
  if (!doc) return [];
  const connectors = spanMetricsConnectors(doc.data);
  if (connectors.length === 0) {
    return [
      findingAt({
        doc,
        keys: ["connectors"],
        severity: "error",
        rule: RULE,
        message:
          "no span_metrics connector: nothing turns spans into the RED metrics Jaeger's Monitor tab shows",
        fix: "add `connectors: { span_metrics: { metrics_flush_interval: 5s } }`, list span_metrics as an exporter of the traces pipeline and as a receiver of the metrics pipeline",
      }),
    ];
  }
  const all = pipelines(doc.data);
  const findings: Finding[] = [];
  for (const id of connectors) {
    const exported = all.some((p) => p.signal === "traces" && p.exporters.includes(id));
    const received = all.some((p) => p.signal === "metrics" && p.receivers.includes(id));
    if (!exported) {
      findings.push(
        findingAt({
          doc,
          keys: ["connectors", id],
          severity: "error",
          rule: RULE,
          message: `connector "${id}" is not an exporter of any traces pipeline, so it sees no spans`,
          fix: `add ${id} to service.pipelines.traces.exporters`,
        }),
      );
    }
    if (!received) {
      findings.push(
        findingAt({
          doc,
          keys: ["connectors", id],
          severity: "error",
          rule: RULE,
          message: `connector "${id}" is not a receiver of any metrics pipeline, so its metrics go nowhere`,
          fix: `add a pipeline \`metrics: { receivers: [${id}], exporters: [prometheus] }\``,
        }),
      );
    }
  }
  return findings;
};

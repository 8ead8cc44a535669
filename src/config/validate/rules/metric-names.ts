import { findingAt, type ConfigDoc, type KeyPath } from "../document.js";
import { componentIds, get, pipelines, sameType } from "../model.js";
import { jaegerMetricBackend } from "../jaeger-model.js";
import type { Finding, Rule } from "../types.js";

const RULE = "metric-names";
const UNIT_NAMES: Record<string, string> = { ms: "milliseconds", s: "seconds" };
const KEEPS_DOTS = new Set(["NoUTF8EscapingWithSuffixes", "NoTranslation"]);

/**
 * The span-metric names the collector serves must be the names Jaeger queries: same namespace,
 * same duration unit, and `_total`/unit suffixes on both sides or neither.
 */
export const metricNames: Rule = (ctx) => {
  const { collector, jaeger } = ctx;
  if (!collector || !jaeger) return [];
  const connector = componentIds(collector.data, "connectors").find((id) =>
    sameType(id, "span_metrics"),
  );
  const backend = jaegerMetricBackend(jaeger.data)?.backend;
  if (!connector || !backend?.prometheus) return [];
  const metricsPipes = pipelines(collector.data).filter(
    (p) => p.signal === "metrics" && p.receivers.includes(connector),
  );
  const exporter = metricsPipes
    .flatMap((p) => p.exporters)
    .find((id) => sameType(id, "prometheus"));
  if (!exporter) return [];

  const conn = (key: string) => get(collector.data, "connectors", connector, ...key.split("."));
  const exp = (key: string) => get(collector.data, "exporters", exporter, key);
  const prom = backend.prometheus;
  const connKeys = (key: string): KeyPath => ["connectors", connector, ...key.split(".")];
  const promKeys = (key: string): KeyPath => [...backend.keys, "prometheus", key];
  const findings: Finding[] = [];
  const error = (doc: ConfigDoc, keys: KeyPath, message: string, fix: string) =>
    findings.push(findingAt(doc, keys, "error", RULE, message, fix));
  const warning = (doc: ConfigDoc, keys: KeyPath, message: string, fix: string) =>
    findings.push(findingAt(doc, keys, "warning", RULE, message, fix));

  const strategy =
    typeof exp("translation_strategy") === "string"
      ? String(exp("translation_strategy"))
      : "UnderscoreEscapingWithSuffixes";
  if (KEEPS_DOTS.has(strategy)) {
    error(
      collector,
      ["exporters", exporter, "translation_strategy"],
      `translation_strategy ${strategy} keeps dots in metric names, which Jaeger cannot query`,
      "use `translation_strategy: UnderscoreEscapingWithSuffixes`",
    );
    return findings;
  }
  const suffixes = !strategy.endsWith("WithoutSuffixes");

  const rawNs =
    typeof conn("namespace") === "string" ? String(conn("namespace")) : "traces.span.metrics";
  const expNs = typeof exp("namespace") === "string" ? `${String(exp("namespace"))}_` : "";
  const served = `${expNs}${rawNs}`.replace(/[^a-zA-Z0-9_:]/g, "_");
  const queried =
    typeof prom.metric_namespace === "string" ? prom.metric_namespace : "traces_span_metrics";
  if (served !== queried) {
    error(
      collector,
      conn("namespace") === undefined ? ["connectors", connector] : connKeys("namespace"),
      `span metrics are served as ${served}_calls_total, but Jaeger queries ${queried}_calls_total (${jaeger.file})`,
      `use the same namespace on both sides: metric_namespace: ${served} in ${jaeger.file}, or a namespace here that Prometheus turns into ${queried}`,
    );
  }

  const unit =
    typeof conn("histogram.unit") === "string" ? String(conn("histogram.unit")) : undefined;
  const jaegerUnit = typeof prom.latency_unit === "string" ? prom.latency_unit : "ms";
  if (unit === undefined) {
    warning(
      collector,
      ["connectors", connector],
      `connector "${connector}" sets no histogram unit; newer collectors default to seconds, Jaeger to ms`,
      `set \`histogram: { unit: ${jaegerUnit} }\``,
    );
  } else if (unit !== jaegerUnit) {
    error(
      jaeger,
      promKeys("latency_unit"),
      `Jaeger reads latencies in ${jaegerUnit}, but connector "${connector}" records them in ${unit} (${collector.file})`,
      `set latency_unit: ${unit} here, or histogram.unit: ${jaegerUnit} in ${collector.file}`,
    );
  }

  const unitName = UNIT_NAMES[unit ?? jaegerUnit] ?? "milliseconds";
  for (const [key, name, suffix] of [
    ["normalize_calls", "calls", "_total"],
    ["normalize_duration", "duration", `_${unitName}`],
  ] as const) {
    const value = prom[key];
    const effective = typeof value === "boolean" ? value : false;
    if (effective !== suffixes) {
      error(
        jaeger,
        typeof value === "boolean" ? promKeys(key) : [...backend.keys, "prometheus"],
        `Jaeger queries ${queried}_${name}${effective ? suffix : ""}${name === "duration" ? "_bucket" : ""}${typeof value === "boolean" ? "" : ` (${key} defaults to false)`}, but the collector serves ${served}_${name}${suffixes ? suffix : ""}${name === "duration" ? "_bucket" : ""}`,
        `set \`${key}: ${suffixes}\` (the collector's prometheus exporter ${suffixes ? "adds" : "omits"} type and unit suffixes)`,
      );
    } else if (typeof value !== "boolean") {
      warning(
        jaeger,
        [...backend.keys, "prometheus"],
        `${key} is not set; set it explicitly so the ${name} metric name does not rest on a default`,
        `set \`${key}: ${suffixes}\``,
      );
    }
  }
  return findings;
};

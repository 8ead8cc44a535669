import {
  get,
  jaegerMetricBackend,
  type KeyPath,
  type SpanMetricNames,
  spanMetricNames,
  str,
  unitName,
} from "../../model/index.js";
import { type ConfigDoc, findingAt } from "../document.js";
import type { Finding, Rule, Severity } from "../types.js";

const RULE = "metric-names";
/** Jaeger's defaults for a Prometheus metric backend. */
const JAEGER_DEFAULTS = { namespace: "traces_span_metrics", latencyUnit: "ms" };

/** Both sides of the span-metric names: what the collector serves, what Jaeger queries. */
interface Sides {
  collector: ConfigDoc;
  jaeger: ConfigDoc;
  names: SpanMetricNames;
  connector: string;
  /** The `prometheus:` block of Jaeger's metric backend, and where that backend sits. */
  prom: Record<string, unknown>;
  backendKeys: KeyPath;
}

const finding = (severity: Severity, doc: ConfigDoc, keys: KeyPath, message: string, fix: string) =>
  findingAt({ doc, keys, severity, rule: RULE, message, fix });

/**
 * The span-metric names the collector serves must be the names Jaeger queries: same namespace,
 * same duration unit, and `_total`/unit suffixes on both sides or neither.
 */
export const metricNames: Rule = (ctx) => {
  const { collector, jaeger } = ctx;
  if (!collector || !jaeger) return [];
  const names = spanMetricNames(collector.data);
  const backend = jaegerMetricBackend(jaeger.data)?.backend;
  const { connector, exporter } = names;
  if (!connector || !exporter || !backend?.prometheus) return [];
  if (names.keepsDots) {
    return [
      finding(
        "error",
        collector,
        ["exporters", exporter, "translation_strategy"],
        `translation_strategy ${names.strategy} keeps dots in metric names, which Jaeger cannot query`,
        "use `translation_strategy: UnderscoreEscapingWithSuffixes`",
      ),
    ];
  }
  const sides: Sides = {
    collector,
    jaeger,
    names,
    connector,
    prom: backend.prometheus,
    backendKeys: backend.keys,
  };
  return [...namespace(sides), ...unit(sides), ...suffixes(sides)];
};

const queriedNamespace = (s: Sides) => str(s.prom.metric_namespace) ?? JAEGER_DEFAULTS.namespace;
const jaegerUnit = (s: Sides) => str(s.prom.latency_unit) ?? JAEGER_DEFAULTS.latencyUnit;

function namespace(s: Sides): Finding[] {
  const served = s.names.namespace;
  const queried = queriedNamespace(s);
  if (served === queried) return [];
  const written = get(s.collector.data, "connectors", s.connector, "namespace") !== undefined;
  return [
    finding(
      "error",
      s.collector,
      written ? ["connectors", s.connector, "namespace"] : ["connectors", s.connector],
      `span metrics are served as ${served}_calls_total, but Jaeger queries ${queried}_calls_total (${s.jaeger.file})`,
      `use the same namespace on both sides: metric_namespace: ${served} in ${s.jaeger.file}, or a namespace here that Prometheus turns into ${queried}`,
    ),
  ];
}

function unit(s: Sides): Finding[] {
  const wanted = jaegerUnit(s);
  const configured = s.names.configuredUnit;
  if (configured === undefined) {
    return [
      finding(
        "warning",
        s.collector,
        ["connectors", s.connector],
        `connector "${s.connector}" sets no histogram unit; newer collectors default to seconds, Jaeger to ${JAEGER_DEFAULTS.latencyUnit}`,
        `set \`histogram: { unit: ${wanted} }\``,
      ),
    ];
  }
  if (configured === wanted) return [];
  return [
    finding(
      "error",
      s.jaeger,
      [...s.backendKeys, "prometheus", "latency_unit"],
      `Jaeger reads latencies in ${wanted}, but connector "${s.connector}" records them in ${configured} (${s.collector.file})`,
      `set latency_unit: ${configured} here, or histogram.unit: ${wanted} in ${s.collector.file}`,
    ),
  ];
}

/** normalize_calls and normalize_duration must add suffixes exactly when the exporter does. */
function suffixes(s: Sides): Finding[] {
  const served = s.names;
  const queried = queriedNamespace(s);
  const checks = [
    ["normalize_calls", "calls", "_total", served.calls],
    ["normalize_duration", "duration", `_${unitName(jaegerUnit(s))}`, served.duration],
  ] as const;
  return checks.flatMap(([key, name, suffix, servedName]): Finding[] => {
    const value = s.prom[key];
    const set = typeof value === "boolean";
    const bucket = name === "duration" ? "_bucket" : "";
    const keys: KeyPath = set
      ? [...s.backendKeys, "prometheus", key]
      : [...s.backendKeys, "prometheus"];
    if ((set ? value : false) !== served.suffixes) {
      return [
        finding(
          "error",
          s.jaeger,
          keys,
          `Jaeger queries ${queried}_${name}${value === true ? suffix : ""}${bucket}${set ? "" : ` (${key} defaults to false)`}, but the collector serves ${servedName}${bucket}`,
          `set \`${key}: ${served.suffixes}\` (the collector's prometheus exporter ${served.suffixes ? "adds" : "omits"} type and unit suffixes)`,
        ),
      ];
    }
    if (set) return [];
    return [
      finding(
        "warning",
        s.jaeger,
        keys,
        `${key} is not set; set it explicitly so the ${name} metric name does not rest on a default`,
        `set \`${key}: ${served.suffixes}\``,
      ),
    ];
  });
}

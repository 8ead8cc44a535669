/** The span_metrics connector: where it is, how often it flushes, what its metrics are called. */
import { idsOfType, pipelines, sameType } from "./collector-config.js";
import { get, str } from "./data.js";

/** The span_metrics connector's defaults in the pinned collector (contrib 0.165.0). */
export const SPAN_METRICS_DEFAULTS = {
  /** `namespace`: Prometheus sees it as traces_span_metrics. */
  namespace: "traces.span.metrics",
  /**
   * `histogram.unit`. The connector defaults to seconds only under the feature gate
   * connector.spanmetrics.useSecondAsDefaultMetricsUnit, which is still alpha (off) in its
   * metadata.yaml; the pull request that would have moved it to beta (contrib#43714) was closed.
   */
  unit: "ms",
  /** `metrics_flush_interval`, in seconds. */
  flushSeconds: 60,
} as const;

/** The prometheus exporter's default translation_strategy: dots escaped, suffixes added. */
const DEFAULT_STRATEGY = "UnderscoreEscapingWithSuffixes";
/** Translation strategies that keep dots in metric names. */
const KEEPS_DOTS = new Set(["NoUTF8EscapingWithSuffixes", "NoTranslation"]);
const UNIT_NAMES: Record<string, string> = { ms: "milliseconds", s: "seconds" };

/** How the collector names the span metrics it serves, derived as its prometheus exporter does. */
export interface SpanMetricNames {
  /** The span_metrics connector that makes them (the first one), if any. */
  connector?: string;
  /** The prometheus exporter of a metrics pipeline that receives the connector, if any. */
  exporter?: string;
  /** The exporter's translation_strategy, as set or by default. */
  strategy: string;
  /** True when the strategy keeps dots in names, which Jaeger cannot query. */
  keepsDots: boolean;
  /** True when the exporter adds type and unit suffixes (`_total`, `_milliseconds`). */
  suffixes: boolean;
  /** The name prefix Prometheus sees: the exporter's namespace, then the connector's, escaped. */
  namespace: string;
  /** The connector's histogram.unit when the config sets it. */
  configuredUnit?: string;
  /** The unit durations are recorded in: histogram.unit, else the connector's default. */
  unit: string;
  /** The calls counter, e.g. traces_span_metrics_calls_total. */
  calls: string;
  /** The duration histogram's base name (no `_bucket`), e.g. traces_span_metrics_duration_milliseconds. */
  duration: string;
}

/** The span_metrics connectors of a collector config, in file order. */
export function spanMetricsConnectors(collector: unknown): string[] {
  return idsOfType(collector, "connectors", "span_metrics");
}

/** A connector's metrics_flush_interval as written; undefined when unset (the default applies). */
export function flushInterval(collector: unknown, connector: string): unknown {
  return get(collector, "connectors", connector, "metrics_flush_interval");
}

/** The word Prometheus appends for a histogram unit: `milliseconds` for ms, `seconds` for s. */
export function unitName(unit: string): string {
  return UNIT_NAMES[unit] ?? "milliseconds";
}

/** The span-metric names the collector serves to Prometheus, with what they derive from. */
export function spanMetricNames(collector: unknown): SpanMetricNames {
  const connector = spanMetricsConnectors(collector)[0];
  const exporter = pipelines(collector)
    .filter(
      (p) => p.signal === "metrics" && connector !== undefined && p.receivers.includes(connector),
    )
    .flatMap((p) => p.exporters)
    .find((id) => sameType(id, "prometheus"));
  const conn = (...keys: string[]) =>
    connector === undefined ? undefined : str(get(collector, "connectors", connector, ...keys));
  const exp = (key: string) =>
    exporter === undefined ? undefined : str(get(collector, "exporters", exporter, key));
  const strategy = exp("translation_strategy") ?? DEFAULT_STRATEGY;
  const suffixes = !strategy.endsWith("WithoutSuffixes");
  const prefix = exp("namespace") === undefined ? "" : `${exp("namespace")}_`;
  const namespace = `${prefix}${conn("namespace") ?? SPAN_METRICS_DEFAULTS.namespace}`.replace(
    /[^a-zA-Z0-9_:]/g,
    "_",
  );
  const configuredUnit = conn("histogram", "unit");
  const unit = configuredUnit ?? SPAN_METRICS_DEFAULTS.unit;
  return {
    connector,
    exporter,
    strategy,
    keepsDots: KEEPS_DOTS.has(strategy),
    suffixes,
    namespace,
    configuredUnit,
    unit,
    calls: `${namespace}_calls${suffixes ? "_total" : ""}`,
    duration: `${namespace}_duration${suffixes ? `_${unitName(unit)}` : ""}`,
  };
}

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

/**
 * The resource attribute gini adds to every app it launches (`gini.app=<app name>` in
 * OTEL_RESOURCE_ATTRIBUTES). A multi-service app names its own services; with this attribute as
 * a span_metrics dimension, Prometheus knows which services each app sends.
 */
export const GINI_APP_ATTRIBUTE = "gini.app";

/**
 * The dimensions of the span metrics, by what they mean; the prometheus exporter turns each into a
 * label (`service.name` → `service_name`), which Jaeger's Monitor tab queries under the same
 * names. The connector always records the first four; `app` only where config-spm.yaml lists it
 * under the connector's `dimensions` (gini's does), and only on spans that carry it.
 */
const DIMENSIONS = {
  service: "service.name",
  operation: "span.name",
  kind: "span.kind",
  status: "status.code",
  app: GINI_APP_ATTRIBUTE,
} as const;

/** The Prometheus label of each of the connector's dimensions, e.g. `service: "service_name"`. */
type SpanMetricLabels = { [K in keyof typeof DIMENSIONS]: string };

/** The span kinds the connector records, as the CLI names them (`--span-kind server`). */
export const SPAN_KINDS = ["server", "client", "internal", "producer", "consumer"] as const;
/** One of SPAN_KINDS. */
export type SpanKind = (typeof SPAN_KINDS)[number];

/** A span kind's value in the span_kind label: the OTLP enum name, `SPAN_KIND_SERVER`. */
export const spanKindValue = (kind: SpanKind): string => `SPAN_KIND_${kind.toUpperCase()}`;

/** The CLI's name of a span_kind value (`SPAN_KIND_SERVER` → `server`); other values as they are. */
export const spanKindName = (value: string): string =>
  SPAN_KINDS.find((kind) => spanKindValue(kind) === value) ?? value;

/** The status_code label of a span whose status is Error (the OTLP enum name). */
export const ERROR_STATUS_CODE = "STATUS_CODE_ERROR";

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
  /** The labels of the dimensions, e.g. service_name, span_name, span_kind, status_code, gini_app. */
  labels: SpanMetricLabels;
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
  const escape = (name: string) => name.replace(/[^a-zA-Z0-9_:]/g, "_");
  const namespace = escape(`${prefix}${conn("namespace") ?? SPAN_METRICS_DEFAULTS.namespace}`);
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
    // A strategy that keeps dots is an error of `gini validate` (Jaeger cannot query it).
    labels: {
      service: escape(DIMENSIONS.service),
      operation: escape(DIMENSIONS.operation),
      kind: escape(DIMENSIONS.kind),
      status: escape(DIMENSIONS.status),
      app: escape(DIMENSIONS.app),
    },
  };
}

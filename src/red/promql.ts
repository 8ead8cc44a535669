/**
 * The PromQL of `gini red` and `gini check`: Jaeger's Monitor tab queries (its Prometheus metrics
 * reader, internal/storage/metricstore/prometheus), over the metric and label names the config
 * model derives from config-spm.yaml. Service and operation match exactly, not as a regex.
 */
import {
  ERROR_STATUS_CODE,
  type SpanKind,
  spanKindValue,
  type SpanMetricNames,
} from "../config/index.js";

/** Which spans a query looks at, and over what window. */
export interface RedSelection {
  /** One service (`service.name`), or every service. */
  service?: string;
  /** One operation (span name), or every operation. */
  operation?: string;
  /** One span kind, or every kind. */
  spanKind?: SpanKind;
  /** The rate window, in seconds. */
  windowSeconds: number;
}

/** Rows per service, or per service and operation. */
export type Grouping = "service" | "operation";

/** The instant queries of one grouping: a row's rate, error ratio and latency quantiles. */
export interface RedQueries {
  /** Requests per second. */
  rate: string;
  /** Failed requests per second over requests per second (0..1). */
  errors: string;
  p50: string;
  p95: string;
  p99: string;
}

/** A PromQL string literal (Go-style escapes, which JSON's are a subset of). */
const literal = (value: string): string => JSON.stringify(value);

/** A PromQL range: whole seconds when it can (`60s`), else milliseconds (`1500ms`). */
export function promDuration(seconds: number): string {
  return Number.isInteger(seconds) ? `${seconds}s` : `${Math.round(seconds * 1000)}ms`;
}

/** The label matchers of a selection, plus `extra` ones, as `{a="x", b="y"}`. */
function matchers(names: SpanMetricNames, sel: RedSelection, extra: string[] = []): string {
  const { labels } = names;
  const list = [
    sel.service === undefined ? undefined : `${labels.service}=${literal(sel.service)}`,
    sel.operation === undefined ? undefined : `${labels.operation}=${literal(sel.operation)}`,
    sel.spanKind === undefined
      ? undefined
      : `${labels.kind}=${literal(spanKindValue(sel.spanKind))}`,
    ...extra,
  ].filter((m) => m !== undefined);
  return `{${list.join(", ")}}`;
}

/** The labels a grouping sums by. */
function groupLabels(names: SpanMetricNames, grouping: Grouping): string[] {
  const { service, operation } = names.labels;
  return grouping === "service" ? [service] : [service, operation];
}

/** `sum(rate(calls{…}[w])) by (…)`: requests per second, as the Monitor tab's call rate. */
export function rateQuery(
  names: SpanMetricNames,
  sel: RedSelection,
  grouping: Grouping,
  extra: string[] = [],
): string {
  const by = groupLabels(names, grouping).join(", ");
  const range = promDuration(sel.windowSeconds);
  return `sum(rate(${names.calls}${matchers(names, sel, extra)}[${range}])) by (${by})`;
}

/** The instant queries of a grouping, as Jaeger's call rate, error rate and latencies. */
export function redQueries(
  names: SpanMetricNames,
  sel: RedSelection,
  grouping: Grouping,
): RedQueries {
  const failed = `${names.labels.status}=${literal(ERROR_STATUS_CODE)}`;
  const by = [...groupLabels(names, grouping), "le"].join(", ");
  const range = promDuration(sel.windowSeconds);
  const buckets = `${names.duration}_bucket${matchers(names, sel)}`;
  const quantile = (q: number) =>
    `histogram_quantile(${q.toFixed(2)}, sum(rate(${buckets}[${range}])) by (${by}))`;
  return {
    rate: rateQuery(names, sel, grouping),
    errors: `${rateQuery(names, sel, grouping, [failed])} / ${rateQuery(names, sel, grouping)}`,
    p50: quantile(0.5),
    p95: quantile(0.95),
    p99: quantile(0.99),
  };
}

/** Every series of the calls counter, counted by service, kind and operation (what exists). */
export function inventoryQuery(names: SpanMetricNames): string {
  const { service, kind, operation } = names.labels;
  return `count(${names.calls}) by (${service}, ${kind}, ${operation})`;
}

/** The most samples any selected calls series has in the window (a rate needs two). */
export function samplesQuery(names: SpanMetricNames, sel: RedSelection): string {
  const range = promDuration(sel.windowSeconds);
  return `max(count_over_time(${names.calls}${matchers(names, sel)}[${range}]))`;
}

/** Spans the collector accepted, from its self-metrics as Prometheus scrapes them. */
export function acceptedSpansQuery(metric: string): string {
  return `sum({__name__=~${literal(`${metric}(_total)?`)}})`;
}

/**
 * `sum(increase(<duration>_bucket{…}[w])) by (service, operation, le)`: each operation's duration
 * histogram over the window (cumulative counts per upper bound), what baselines keep and the
 * comparisons test.
 */
export function bucketsQuery(names: SpanMetricNames, sel: RedSelection): string {
  const by = [...groupLabels(names, "operation"), "le"].join(", ");
  const range = promDuration(sel.windowSeconds);
  return `sum(increase(${names.duration}_bucket${matchers(names, sel)}[${range}])) by (${by})`;
}

/** `sum(increase(calls{…, status error}[w])) by (service, operation)`: failed requests per operation. */
export function errorsQuery(names: SpanMetricNames, sel: RedSelection): string {
  const by = groupLabels(names, "operation").join(", ");
  const failed = `${names.labels.status}=${literal(ERROR_STATUS_CODE)}`;
  const range = promDuration(sel.windowSeconds);
  return `sum(increase(${names.calls}${matchers(names, sel, [failed])}[${range}])) by (${by})`;
}

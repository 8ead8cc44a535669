import { durationSeconds } from "../text/index.js";
import type { Project } from "./load.js";
import {
  DEFAULT_SCRAPE_SECONDS,
  flushInterval,
  get,
  PORTS,
  prometheusExporters,
  readYamlFile,
  scrapeTargets,
  SPAN_METRICS_DEFAULTS,
  type SpanMetricNames,
  spanMetricNames,
  spanMetricsConnectors,
} from "./model/index.js";

/**
 * What `gini doctor`, `gini red` and `gini check` need to know from the configs of a project;
 * defaults when a file is missing or broken (`gini validate` says why).
 */
export interface ConfigFacts {
  /** The span metrics' names, unit and labels as the collector serves them to Prometheus. */
  names: SpanMetricNames;
  /** The calls counter as Prometheus names it, e.g. traces_span_metrics_calls_total. */
  callsMetric: string;
  /** The duration histogram's base name, e.g. traces_span_metrics_duration_milliseconds. */
  durationMetric: string;
  /** span_metrics' metrics_flush_interval, in seconds. */
  flushSeconds: number;
  /** How often Prometheus scrapes the span metrics, in seconds. */
  scrapeSeconds: number;
  /** The container port the collector's prometheus exporter serves the span metrics on. */
  spanMetricsPort: number;
  /** True when prometheus.yml lists otel-collector:<spanMetricsPort> as a target. */
  scrapesSpanMetrics: boolean;
}

/** A config file's data, or {} when it is missing or does not parse: `gini validate` says why. */
async function dataOf(path: string): Promise<unknown> {
  const yaml = await readYamlFile(path);
  return "problem" in yaml ? {} : yaml.data;
}

/** Reads the facts from config-spm.yaml and prometheus.yml, leniently. */
export async function readConfigFacts(project: Project): Promise<ConfigFacts> {
  const collector = await dataOf(project.stack["otel-collector"].config);
  const prometheus = await dataOf(project.stack.prometheus.config);
  const names = spanMetricNames(collector);
  const connector = spanMetricsConnectors(collector)[0];
  const flush = connector === undefined ? undefined : flushInterval(collector, connector);
  const spanMetricsPort = prometheusExporters(collector)[0]?.port || PORTS.spanMetrics;
  const target = scrapeTargets(prometheus).find(
    (t) => t.host === "otel-collector" && t.port === spanMetricsPort,
  );
  const interval = target?.interval ?? get(prometheus, "global", "scrape_interval");
  return {
    names,
    callsMetric: names.calls,
    durationMetric: names.duration,
    flushSeconds: durationSeconds(flush) ?? SPAN_METRICS_DEFAULTS.flushSeconds,
    scrapeSeconds: durationSeconds(interval) ?? DEFAULT_SCRAPE_SECONDS,
    scrapesSpanMetrics: target !== undefined,
    spanMetricsPort,
  };
}

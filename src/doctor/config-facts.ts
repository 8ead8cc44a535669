import type { Project } from "../config/load.js";
import { loadConfigDoc } from "../config/validate/document.js";
import { componentIds, get, parseEndpoint, pipelines, sameType } from "../config/validate/model.js";
import {
  durationSeconds,
  scrapeTargets,
  selfMetricsReader,
} from "../config/validate/prometheus-model.js";

/** What doctor needs to know from the configs; defaults when a file is missing or broken. */
export interface ConfigFacts {
  /** The calls counter as Prometheus names it, e.g. traces_span_metrics_calls_total. */
  callsMetric: string;
  /** The duration histogram's base name, e.g. traces_span_metrics_duration_milliseconds. */
  durationMetric: string;
  /** spanmetrics' metrics_flush_interval, in seconds. */
  flushSeconds: number;
  /** How often Prometheus scrapes the span metrics, in seconds. */
  scrapeSeconds: number;
  /** The container port the collector's prometheus exporter serves the span metrics on. */
  spanMetricsPort: number;
  /** True when prometheus.yml lists otel-collector:<spanMetricsPort> as a target. */
  scrapesSpanMetrics: boolean;
  /** The container port of the collector's own metrics. */
  selfMetricsPort: number;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** Derives the span-metric names the way the collector's prometheus exporter does. */
export function metricNamesOf(
  collector: unknown,
): Pick<ConfigFacts, "callsMetric" | "durationMetric"> {
  const connector = componentIds(collector, "connectors").find((id) =>
    sameType(id, "span_metrics"),
  );
  const exporter =
    pipelines(collector)
      .filter((p) => p.signal === "metrics")
      .flatMap((p) => p.exporters)
      .find((id) => sameType(id, "prometheus")) ?? "prometheus";
  const conn = (...keys: string[]) =>
    connector ? get(collector, "connectors", connector, ...keys) : undefined;
  const exp = (key: string) => get(collector, "exporters", exporter, key);
  const strategy = str(exp("translation_strategy")) ?? "UnderscoreEscapingWithSuffixes";
  const suffixes = !strategy.endsWith("WithoutSuffixes");
  const expNs = str(exp("namespace")) ? `${str(exp("namespace"))}_` : "";
  const ns = `${expNs}${str(conn("namespace")) ?? "traces.span.metrics"}`.replace(
    /[^a-zA-Z0-9_:]/g,
    "_",
  );
  const unit = str(conn("histogram", "unit")) ?? "ms";
  return {
    callsMetric: `${ns}_calls${suffixes ? "_total" : ""}`,
    durationMetric: `${ns}_duration${suffixes ? (unit === "s" ? "_seconds" : "_milliseconds") : ""}`,
  };
}

/** Reads the facts from config-spm.yaml and prometheus.yml, leniently. */
export async function readConfigFacts(project: Project): Promise<ConfigFacts> {
  const data = async (path: string): Promise<unknown> => {
    const doc = await loadConfigDoc(path);
    return "data" in doc ? doc.data : {};
  };
  const collector = await data(project.stack["otel-collector"].config);
  const prometheus = await data(project.stack.prometheus.config);
  const connector = componentIds(collector, "connectors").find((id) =>
    sameType(id, "span_metrics"),
  );
  const flush = connector
    ? get(collector, "connectors", connector, "metrics_flush_interval")
    : undefined;
  const exporter = componentIds(collector, "exporters").find((id) => sameType(id, "prometheus"));
  const endpoint = exporter ? str(get(collector, "exporters", exporter, "endpoint")) : undefined;
  const spanMetricsPort = (endpoint && parseEndpoint(endpoint).port) || 8889;
  const target = scrapeTargets(prometheus).find(
    (t) => t.host === "otel-collector" && t.port === spanMetricsPort,
  );
  return {
    ...metricNamesOf(collector),
    flushSeconds: durationSeconds(flush) ?? 60,
    scrapeSeconds:
      durationSeconds(target?.interval ?? get(prometheus, "global", "scrape_interval")) ?? 60,
    scrapesSpanMetrics: target !== undefined,
    spanMetricsPort,
    selfMetricsPort: selfMetricsReader(collector)?.port ?? 8888,
  };
}

/**
 * The model of the three config files (config-spm.yaml, config-jaeger.yaml, prometheus.yml):
 * reading them, and the knowledge about them that `gini validate` and `gini doctor` share. The
 * public entry: import from here, never from the files beside it.
 */
export {
  allComponents,
  componentIds,
  idsOfType,
  pipelines,
  prometheusExporters,
  sameType,
  selfMetricsReader,
  serviceExtensions,
  typeOf,
  type ComponentKind,
} from "./collector-config.js";
export { asRecord, get, str } from "./data.js";
export { isLoopback, parseEndpoint } from "./endpoint.js";
export { jaegerMetricBackend, type JaegerMetricBackend } from "./jaeger-config.js";
export { DEFAULT_SCRAPE_SECONDS, scrapeTargets } from "./prometheus-config.js";
export {
  SPAN_METRICS_DEFAULTS,
  flushInterval,
  spanMetricNames,
  spanMetricsConnectors,
  unitName,
  type SpanMetricNames,
} from "./span-metrics.js";
export { JAEGER_OTLP_ADDRESS, NETWORK, PORTS, PROMETHEUS_URL } from "./stack-contract.js";
export { readYamlFile, type KeyPath, type YamlFile, type YamlProblem } from "./yaml-file.js";

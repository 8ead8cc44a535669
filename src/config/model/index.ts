/**
 * The model of the three config files (config-spm.yaml, config-jaeger.yaml, prometheus.yml):
 * reading them, and the knowledge about them that `gini validate` and `gini doctor` share. The
 * public entry: import from here, never from the files beside it.
 */
export { appServicesQuery, servicesByApp } from "./app-services.js";
export {
  ACCEPTED_SPANS_METRIC,
  allComponents,
  componentIds,
  type ComponentKind,
  idsOfType,
  pipelines,
  prometheusExporters,
  sameType,
  selfMetricsReader,
  serviceExtensions,
  typeOf,
} from "./collector-config.js";
export { asRecord, get, str } from "./data.js";
export { isLoopback, parseEndpoint } from "./endpoint.js";
export { type JaegerMetricBackend, jaegerMetricBackend } from "./jaeger-config.js";
export { DEFAULT_SCRAPE_SECONDS, type ScrapeTarget, scrapeTargets } from "./prometheus-config.js";
export { MAX_CONFIG_BYTES } from "./read-config-text.js";
export {
  ERROR_STATUS_CODE,
  flushInterval,
  GINI_APP_ATTRIBUTE,
  SPAN_KINDS,
  SPAN_METRICS_DEFAULTS,
  type SpanKind,
  spanKindName,
  spanKindValue,
  type SpanMetricNames,
  spanMetricNames,
  spanMetricsConnectors,
  unitName,
} from "./span-metrics.js";
export {
  hostUrl,
  JAEGER_OTLP_ADDRESS,
  LOCALHOST,
  NETWORK,
  PORTS,
  probeUrl,
  PROMETHEUS_URL,
} from "./stack-contract.js";
export { type KeyPath, readYamlFile, type YamlFile, type YamlProblem } from "./yaml-file.js";

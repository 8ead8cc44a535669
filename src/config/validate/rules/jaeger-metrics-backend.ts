import {
  type JaegerMetricBackend,
  jaegerMetricBackend,
  type KeyPath,
  NETWORK,
  parseEndpoint,
  PORTS,
  PROMETHEUS_URL,
} from "../../model/index.js";
import { type ConfigDoc, findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "jaeger-metrics-backend";

const error = (doc: ConfigDoc, keys: KeyPath, message: string, fix: string): Finding[] => [
  findingAt({ doc, keys, severity: "error", rule: RULE, message, fix }),
];

/** Jaeger's Monitor tab needs jaeger_query to read metrics from the prometheus service. */
export const jaegerMetricsBackend: Rule = (ctx) => {
  const doc = ctx.jaeger;
  if (!doc) return [];
  const found = jaegerMetricBackend(doc.data);
  if (!found) {
    return error(
      doc,
      ["extensions"],
      "no jaeger_query extension: Jaeger serves no UI and no Monitor tab",
      "add jaeger_query with `storage: { traces: <trace backend>, metrics: <metric backend> }` and list it in service.extensions",
    );
  }
  const { queryKey, name, backend } = found;
  if (name === undefined) {
    return error(
      doc,
      ["extensions", queryKey, "storage"],
      `${queryKey} has no storage.metrics, so the Monitor tab stays empty`,
      `set \`metrics:\` to a backend under jaeger_storage.metric_backends that points at ${PROMETHEUS_URL}`,
    );
  }
  if (!backend) {
    return error(
      doc,
      ["extensions", queryKey, "storage", "metrics"],
      `metric backend "${name}" is not defined under jaeger_storage.metric_backends`,
      `define \`metric_backends: { ${name}: { prometheus: { endpoint: ${PROMETHEUS_URL} } } }\` in jaeger_storage`,
    );
  }
  return endpointFindings(doc, backend);
};

/** The backend must be a Prometheus one whose endpoint is the prometheus service over http. */
function endpointFindings(doc: ConfigDoc, backend: JaegerMetricBackend): Finding[] {
  const { name, prometheus } = backend;
  if (!prometheus) {
    return error(
      doc,
      backend.keys,
      `metric backend "${name}" is not a Prometheus backend; gini's span metrics live in the prometheus service`,
      `use \`prometheus: { endpoint: ${PROMETHEUS_URL} }\``,
    );
  }
  const endpoint = prometheus.endpoint;
  if (typeof endpoint !== "string") {
    return error(
      doc,
      [...backend.keys, "prometheus"],
      `metric backend "${name}" has no endpoint (Jaeger would query localhost:${PORTS.prometheus}, inside its own container)`,
      `set \`endpoint: ${PROMETHEUS_URL}\``,
    );
  }
  const target = parseEndpoint(endpoint);
  if (
    target?.host === "prometheus" &&
    target.port === PORTS.prometheus &&
    /^http:\/\//.test(endpoint)
  ) {
    return [];
  }
  return error(
    doc,
    [...backend.keys, "prometheus", "endpoint"],
    `Jaeger's metric backend points at ${endpoint}, not the prometheus service`,
    `set \`endpoint: ${PROMETHEUS_URL}\`: the prometheus container is reachable by that name on ${NETWORK}`,
  );
}

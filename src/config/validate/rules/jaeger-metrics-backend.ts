import { findingAt } from "../document.js";
import { parseEndpoint } from "../model.js";
import { jaegerMetricBackend } from "../jaeger-model.js";
import type { Finding, Rule } from "../types.js";

const RULE = "jaeger-metrics-backend";
const WANT = "http://prometheus:9090";

/** Jaeger's Monitor tab needs jaeger_query to read metrics from the prometheus service. */
export const jaegerMetricsBackend: Rule = (ctx) => {
  const doc = ctx.jaeger;
  if (!doc) return [];
  const found = jaegerMetricBackend(doc.data);
  if (!found) {
    return [
      findingAt(
        doc,
        ["extensions"],
        "error",
        RULE,
        "no jaeger_query extension: Jaeger serves no UI and no Monitor tab",
        "add jaeger_query with `storage: { traces: <trace backend>, metrics: <metric backend> }` and list it in service.extensions",
      ),
    ];
  }
  const { queryKey, name, backend } = found;
  if (name === undefined) {
    return [
      findingAt(
        doc,
        ["extensions", queryKey, "storage"],
        "error",
        RULE,
        `${queryKey} has no storage.metrics, so the Monitor tab stays empty`,
        "set `metrics:` to a backend under jaeger_storage.metric_backends that points at http://prometheus:9090",
      ),
    ];
  }
  if (!backend) {
    return [
      findingAt(
        doc,
        ["extensions", queryKey, "storage", "metrics"],
        "error",
        RULE,
        `metric backend "${name}" is not defined under jaeger_storage.metric_backends`,
        `define \`metric_backends: { ${name}: { prometheus: { endpoint: ${WANT} } } }\` in jaeger_storage`,
      ),
    ];
  }
  const findings: Finding[] = [];
  const endpoint = backend.prometheus?.endpoint;
  if (!backend.prometheus) {
    findings.push(
      findingAt(
        doc,
        backend.keys,
        "error",
        RULE,
        `metric backend "${name}" is not a Prometheus backend; gini's span metrics live in the prometheus service`,
        `use \`prometheus: { endpoint: ${WANT} }\``,
      ),
    );
  } else if (typeof endpoint !== "string") {
    findings.push(
      findingAt(
        doc,
        [...backend.keys, "prometheus"],
        "error",
        RULE,
        `metric backend "${name}" has no endpoint (Jaeger would query localhost:9090, inside its own container)`,
        `set \`endpoint: ${WANT}\``,
      ),
    );
  } else {
    const { host, port } = parseEndpoint(endpoint);
    if (host !== "prometheus" || (port ?? 80) !== 9090 || !/^http:\/\//.test(endpoint)) {
      findings.push(
        findingAt(
          doc,
          [...backend.keys, "prometheus", "endpoint"],
          "error",
          RULE,
          `Jaeger's metric backend points at ${endpoint}, not the prometheus service`,
          `set \`endpoint: ${WANT}\`: the prometheus container is reachable by that name on gini-network`,
        ),
      );
    }
  }
  return findings;
};

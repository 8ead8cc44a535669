import { get, idsOfType, parseEndpoint, PORTS, serviceExtensions, str } from "../../model/index.js";
import { findingAt } from "../document.js";
import type { Rule } from "../types.js";

const RULE = "health-check";
const ENDPOINT = `0.0.0.0:${PORTS.health}`;

/** gini's readiness probe is GET :13133/ on the collector: health_check must be defined, enabled and on 13133. */
export const healthCheck: Rule = (ctx) => {
  const doc = ctx.collector;
  if (!doc) return [];
  const ids = idsOfType(doc.data, "extensions", "health_check");
  if (ids.length === 0) {
    return [
      findingAt({
        doc,
        keys: ["extensions"],
        severity: "error",
        rule: RULE,
        message: `health_check extension missing: gini's readiness probe (GET :${PORTS.health}/) would never succeed`,
        fix: `add \`extensions: { health_check: { endpoint: ${ENDPOINT} } }\` and list health_check in service.extensions`,
      }),
    ];
  }
  const enabled = ids.find((id) => serviceExtensions(doc.data).includes(id));
  if (enabled === undefined) {
    return [
      findingAt({
        doc,
        keys: ["extensions", ids[0]!],
        severity: "error",
        rule: RULE,
        message: `extension "${ids[0]}" is defined but not enabled, so nothing answers on :${PORTS.health}`,
        fix: `add ${ids[0]} to service.extensions`,
      }),
    ];
  }
  const endpoint = str(get(doc.data, "extensions", enabled, "endpoint"));
  // Without an endpoint the extension listens on its default port, which is the one gini probes.
  const port = endpoint === undefined ? PORTS.health : parseEndpoint(endpoint)?.port;
  if (port === PORTS.health) return [];
  return [
    findingAt({
      doc,
      keys: ["extensions", enabled, "endpoint"],
      severity: "error",
      rule: RULE,
      message: `health_check listens on port ${port ?? "?"}, but gini probes :${PORTS.health} (the published port)`,
      fix: `set \`endpoint: ${ENDPOINT}\``,
    }),
  ];
};

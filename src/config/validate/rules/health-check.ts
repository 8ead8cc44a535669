import { findingAt } from "../document.js";
import { componentIds, get, parseEndpoint, sameType, serviceExtensions } from "../model.js";
import type { Finding, Rule } from "../types.js";

const RULE = "health-check";

/** gini's readiness probe is GET :13133/ on the collector: health_check must be defined, enabled and on 13133. */
export const healthCheck: Rule = (ctx) => {
  const doc = ctx.collector;
  if (!doc) return [];
  const ids = componentIds(doc.data, "extensions").filter((id) => sameType(id, "health_check"));
  if (ids.length === 0) {
    return [
      findingAt(
        doc,
        ["extensions"],
        "error",
        RULE,
        "health_check extension missing: gini's readiness probe (GET :13133/) would never succeed",
        "add `extensions: { health_check: { endpoint: 0.0.0.0:13133 } }` and list health_check in service.extensions",
      ),
    ];
  }
  const enabled = ids.filter((id) => serviceExtensions(doc.data).includes(id));
  if (enabled.length === 0) {
    return [
      findingAt(
        doc,
        ["extensions", ids[0]!],
        "error",
        RULE,
        `extension "${ids[0]}" is defined but not enabled, so nothing answers on :13133`,
        `add ${ids[0]} to service.extensions`,
      ),
    ];
  }
  const findings: Finding[] = [];
  const endpoint = get(doc.data, "extensions", enabled[0]!, "endpoint");
  const port = typeof endpoint === "string" ? parseEndpoint(endpoint).port : 13133;
  if (port !== 13133) {
    findings.push(
      findingAt(
        doc,
        ["extensions", enabled[0]!, "endpoint"],
        "error",
        RULE,
        `health_check listens on port ${port ?? "?"}, but gini probes :13133 (the published port)`,
        "set `endpoint: 0.0.0.0:13133`",
      ),
    );
  }
  return findings;
};

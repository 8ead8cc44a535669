import { allComponents } from "../../model/index.js";
import { isContribType, JAEGER_ONLY, MOVED } from "../contrib-components.js";
import { findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "unknown-component-type";

/**
 * Every component of the collector config must be a type the contrib distribution has.
 * Jaeger-only types (the seed's mistake) and moved or removed types get a specific message.
 */
export const componentTypes: Rule = (ctx) => {
  const doc = ctx.collector;
  if (!doc) return [];
  const findings: Finding[] = [];
  for (const { kind, id, type } of allComponents(doc.data)) {
    const special = JAEGER_ONLY[type] ?? MOVED[`${kind}:${type}`];
    if (special) {
      findings.push(
        findingAt({
          doc,
          keys: [kind, id],
          severity: "error",
          rule: RULE,
          message: special.message,
          fix: special.fix,
        }),
      );
    } else if (!isContribType(kind, type)) {
      const custom = ctx.customCollectorImage;
      findings.push(
        findingAt({
          doc,
          keys: [kind, id],
          severity: custom ? "warning" : "error",
          rule: RULE,
          message: `"${type}" is not a ${kind.replace(/s$/, "")} type of the contrib collector${custom ? " (your custom collector image may have it)" : ""}`,
          fix: `check the spelling against the otelcol-contrib component list, or move it to the ${kind} section it belongs to`,
        }),
      );
    }
  }
  return findings;
};

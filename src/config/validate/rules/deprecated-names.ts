import { allComponents } from "../../model/index.js";
import { renamedType } from "../contrib-components.js";
import { findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "deprecated-name";

/**
 * Components of the collector config spelled with a type's deprecated alias (`otlp` exporter,
 * `spanmetrics` connector, ...): the pinned collector still accepts them but logs a deprecation
 * warning, and a later release drops them. Only the collector config: Jaeger v2 pins its own
 * collector version, where the old names may still be the only ones.
 */
export const deprecatedNames: Rule = (ctx) => {
  const doc = ctx.collector;
  if (!doc) return [];
  const findings: Finding[] = [];
  for (const { kind, id, type } of allComponents(doc.data)) {
    const current = renamedType(kind, type);
    if (!current) continue;
    const what = kind.replace(/s$/, "");
    const newId = `${current}${id.slice(type.length)}`;
    findings.push(
      findingAt({
        doc,
        keys: [kind, id],
        severity: "warning",
        rule: RULE,
        message: `"${type}" is the deprecated name of the ${current} ${what}; the collector still accepts it but logs a deprecation warning`,
        fix: `rename "${id}" to "${newId}" here and wherever service.pipelines lists it`,
      }),
    );
  }
  return findings;
};

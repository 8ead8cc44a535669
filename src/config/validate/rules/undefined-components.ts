import { findingAt, type ConfigDoc } from "../document.js";
import { componentIds, pipelines, serviceExtensions, type ComponentKind } from "../model.js";
import type { Finding, Rule } from "../types.js";

const RULE = "undefined-component";

/** Components named in service.pipelines or service.extensions must be defined in their section. */
export const undefinedComponents: Rule = (ctx) =>
  [ctx.collector, ctx.jaeger].flatMap((doc) => (doc ? check(doc) : []));

function check(doc: ConfigDoc): Finding[] {
  const findings: Finding[] = [];
  const defined = (kinds: ComponentKind[]) =>
    new Set(kinds.flatMap((k) => componentIds(doc.data, k)));
  const slots: {
    slot: "receivers" | "processors" | "exporters";
    kinds: ComponentKind[];
    what: string;
  }[] = [
    { slot: "receivers", kinds: ["receivers", "connectors"], what: "receiver" },
    { slot: "processors", kinds: ["processors"], what: "processor" },
    { slot: "exporters", kinds: ["exporters", "connectors"], what: "exporter" },
  ];
  const all = pipelines(doc.data);
  if (all.length === 0) {
    findings.push(
      findingAt(
        doc,
        ["service"],
        "error",
        RULE,
        "no pipelines under service.pipelines",
        "add a traces pipeline: `service: { pipelines: { traces: { receivers: [otlp], exporters: [...] } } }`",
      ),
    );
  }
  for (const p of all) {
    for (const { slot, kinds, what } of slots) {
      const known = defined(kinds);
      p[slot].forEach((id, index) => {
        if (known.has(id)) return;
        findings.push(
          findingAt(
            doc,
            ["service", "pipelines", p.id, slot, index],
            "error",
            RULE,
            `${what} "${id}" is used in pipeline "${p.id}" but never defined`,
            `define "${id}" under ${kinds.map((k) => `${k}:`).join(" or ")}, or remove it from the pipeline`,
          ),
        );
      });
      if (slot !== "processors" && p[slot].length === 0) {
        findings.push(
          findingAt(
            doc,
            ["service", "pipelines", p.id],
            "error",
            RULE,
            `pipeline "${p.id}" has no ${slot}`,
            `list at least one of its ${slot}`,
          ),
        );
      }
    }
  }
  const extensions = defined(["extensions"]);
  serviceExtensions(doc.data).forEach((id, index) => {
    if (extensions.has(id)) return;
    findings.push(
      findingAt(
        doc,
        ["service", "extensions", index],
        "error",
        RULE,
        `extension "${id}" is enabled in service.extensions but never defined`,
        `define "${id}" under extensions:, or remove it from service.extensions`,
      ),
    );
  });
  return findings;
}

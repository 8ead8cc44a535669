import {
  componentIds,
  type ComponentKind,
  pipelines,
  serviceExtensions,
} from "../../model/index.js";
import { type ConfigDoc, findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "undefined-component";

/** Each slot of a pipeline, the sections its ids may come from, and what the message calls one. */
const SLOTS: {
  slot: "receivers" | "processors" | "exporters";
  kinds: ComponentKind[];
  what: string;
}[] = [
  { slot: "receivers", kinds: ["receivers", "connectors"], what: "receiver" },
  { slot: "processors", kinds: ["processors"], what: "processor" },
  { slot: "exporters", kinds: ["exporters", "connectors"], what: "exporter" },
];

/** Components named in service.pipelines or service.extensions must be defined in their section. */
export const undefinedComponents: Rule = (ctx) =>
  [ctx.collector, ctx.jaeger].flatMap((doc) =>
    doc ? [...pipelineFindings(doc), ...extensionFindings(doc)] : [],
  );

const error = (doc: ConfigDoc, keys: (string | number)[], message: string, fix: string) =>
  findingAt({ doc, keys, severity: "error", rule: RULE, message, fix });

const defined = (doc: ConfigDoc, kinds: ComponentKind[]) =>
  new Set(kinds.flatMap((k) => componentIds(doc.data, k)));

function pipelineFindings(doc: ConfigDoc): Finding[] {
  const all = pipelines(doc.data);
  const findings: Finding[] = [];
  if (all.length === 0) {
    findings.push(
      error(
        doc,
        ["service"],
        "no pipelines under service.pipelines",
        "add a traces pipeline: `service: { pipelines: { traces: { receivers: [otlp], exporters: [...] } } }`",
      ),
    );
  }
  for (const p of all) {
    for (const { slot, kinds, what } of SLOTS) {
      const known = defined(doc, kinds);
      p[slot].forEach((id, index) => {
        if (known.has(id)) return;
        findings.push(
          error(
            doc,
            ["service", "pipelines", p.id, slot, index],
            `${what} "${id}" is used in pipeline "${p.id}" but never defined`,
            `define "${id}" under ${kinds.map((k) => `${k}:`).join(" or ")}, or remove it from the pipeline`,
          ),
        );
      });
      if (slot !== "processors" && p[slot].length === 0) {
        findings.push(
          error(
            doc,
            ["service", "pipelines", p.id],
            `pipeline "${p.id}" has no ${slot}`,
            `list at least one of its ${slot}`,
          ),
        );
      }
    }
  }
  return findings;
}

function extensionFindings(doc: ConfigDoc): Finding[] {
  const extensions = defined(doc, ["extensions"]);
  return serviceExtensions(doc.data).flatMap((id, index) =>
    extensions.has(id)
      ? []
      : [
          error(
            doc,
            ["service", "extensions", index],
            `extension "${id}" is enabled in service.extensions but never defined`,
            `define "${id}" under extensions:, or remove it from service.extensions`,
          ),
        ],
  );
}

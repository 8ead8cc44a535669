/** Span metrics exist, but not for what was asked: which filter matched nothing, and what there is. */
import { type ConfigFacts, spanKindName, spanKindValue } from "../config/index.js";
import type { Sample } from "./prometheus.js";
import type { RedSelection } from "./promql.js";
import type { NoData } from "./report.js";

/** The distinct values of a label among samples, sorted, at most `max` listed. */
function seen(samples: Sample[], label: string, name = (v: string) => v, max = 8): string {
  const values = [...new Set(samples.map((s) => name(s.labels[label] ?? "")))].sort();
  const more = values.length > max ? `, … (${values.length} in all)` : "";
  return values.slice(0, max).join(", ") + more || "none";
}

/** The first filter of the selection that matches no series, as a no-match reason. */
export function unmatched(
  all: Sample[],
  facts: ConfigFacts,
  sel: RedSelection,
): NoData | undefined {
  const { service, kind, operation } = facts.names.labels;
  let rest = all;
  if (sel.service !== undefined) {
    rest = rest.filter((s) => s.labels[service] === sel.service);
    if (rest.length === 0)
      return {
        reason: "no-match",
        message: `no span metrics for service "${sel.service}"; services seen: ${seen(all, service)}`,
        hint: "--service takes the service name the spans carry (service.name), as `gini red` lists it",
      };
  }
  const from = sel.service === undefined ? "" : ` from ${sel.service}`;
  if (sel.spanKind !== undefined) {
    const before = rest;
    rest = rest.filter((s) => s.labels[kind] === spanKindValue(sel.spanKind!));
    if (rest.length === 0)
      return {
        reason: "no-match",
        message: `no ${sel.spanKind} spans${from}; span kinds seen: ${seen(before, kind, spanKindName)}`,
        hint: "choose another with --span-kind (server, client, internal, producer, consumer or all)",
      };
  }
  if (sel.operation !== undefined && !rest.some((s) => s.labels[operation] === sel.operation)) {
    return {
      reason: "no-match",
      message: `no operation "${sel.operation}"${from}; operations seen: ${seen(rest, operation)}`,
      hint: "--operation takes a span name exactly as `gini red` lists it",
    };
  }
  return undefined;
}

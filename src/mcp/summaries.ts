/**
 * The short text beside each tool's document, for agents that read text: the gist in a few
 * lines, the document holding the rest. Documents are the commands' `--json`, read loosely.
 */
import { formatMs } from "../text/index.js";

type Doc = Record<string, unknown>;
type Row = Record<string, unknown>;

/** A scalar as text; "" for anything else. */
const str = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : "";
const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const ms = (value: unknown) => formatMs(typeof value === "number" ? value : null);
const pct = (value: unknown) =>
  typeof value === "number" ? `${Math.round(value * 100) / 100} %` : "-";

function latency(row: Row): string {
  const l = (row.latencyMs ?? {}) as Row;
  return `${str(row.requests)} requests, errors ${pct(row.errorPercent)}, p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}`;
}

export const statusSummary = (doc: Doc): string =>
  [
    ...rows(doc.services).map((s) => `${str(s.name)}: ${str(s.state)} (${str(s.health)})`),
    ...rows(doc.apps).map((a) => `app ${str(a.name)}: ${str(a.state)}`),
  ].join("\n");

export const doctorSummary = (doc: Doc): string => {
  const bad = rows(doc.checks).filter((c) => c.status === "fail" || c.status === "warn");
  const lines = bad.map(
    (c) => `${str(c.status)}: ${str(c.finding)}${c.fix ? ` (fix: ${str(c.fix)})` : ""}`,
  );
  return [doc.ok ? "no failures" : "failures found", ...lines].join("\n");
};

export const redSummary = (doc: Doc): string => {
  const noData = doc.noData as Row | null;
  if (noData) return `no data: ${str(noData.message)} (${str(noData.hint)})`;
  return rows(doc.services)
    .flatMap((s) => [
      `${str(s.name)}: ${latency(s)}`,
      ...rows(s.operations).map((o) => `  ${str(o.name)}: ${latency(o)}`),
    ])
    .join("\n");
};

export const checkSummary = (doc: Doc): string => {
  const failing = rows(doc.results).filter((r) => r.verdict !== "pass");
  const baseline = doc.baseline as Row | null;
  const regressed = rows(baseline?.results).filter((r) => r.verdict !== "pass");
  return [
    `verdict: ${str(doc.verdict)}`,
    ...failing.map((r) => `${str(r.service)} ${str(r.operation ?? "")}: ${str(r.verdict)}`),
    ...regressed.map(
      (r) =>
        `against ${str(baseline!.name)}: ${str(r.service)} ${str(r.operation)}: ${str(r.verdict)}`,
    ),
  ].join("\n");
};

export const compareSummary = (doc: Doc): string => {
  const changed = rows(doc.operations).filter((o) => o.significant);
  if (changed.length === 0)
    return `no significant change in ${rows(doc.operations).length} operations`;
  return changed
    .map((o) => {
      const p95 = ((o.latencyMs as Row).p95 ?? {}) as Row;
      const errors = (o.errorPercent ?? {}) as Row;
      return `${str(o.service)} ${str(o.operation)}: p95 ${ms(p95.before)} → ${ms(p95.after)}, errors ${pct(errors.before)} → ${pct(errors.after)} (significant)`;
    })
    .join("\n");
};

export const baselinesSummary = (doc: Doc): string =>
  rows(doc.items)
    .map((b) => str(b.name ?? b.file))
    .join("\n") || "no baselines saved";

export const tracesSummary = (doc: Doc): string => {
  const traces = rows(doc.traces);
  if (traces.length === 0)
    return `no traces (services searched: ${(Array.isArray(doc.services) ? doc.services.map(str) : []).join(", ") || "none"})`;
  return traces
    .map((t) => {
      const failing = rows(t.spans).find((s) => s.error);
      const error = failing
        ? `; error in ${str(failing.service)} ${str(failing.name)}: ${str(failing.errorMessage ?? "")}`
        : "";
      return `${str(t.traceId)} ${str(t.rootService)} ${str(t.rootName)} ${ms(t.durationMs)}, ${str(t.spanCount)} spans${error}`;
    })
    .join("\n");
};

/** `gini red --format markdown`, with and without `--compare`: tables for pull-request comments. */
import type { CompareReport, LatencyChange, RedReport } from "../red/index.js";
import { ALPHA } from "../red/method.js";
import { formatMs } from "../text/index.js";
import { changeLine, worse } from "./compare-table.js";
import { code, markdownTable } from "./markdown.js";
import { formatPercent, formatRate, formatWindow } from "./red-format.js";
import { traceLinks } from "./trace-links.js";

/** The RED table of `gini red`. */
export function redMarkdown(report: RedReport): string {
  const kind = report.spanKind ? `${report.spanKind} spans` : "all spans";
  const title = `### RED metrics, last ${formatWindow(report.windowSeconds)}, ${kind}`;
  if (report.noData) return [title, "", `No data: ${report.noData.message}`, ""].join("\n");
  const rows = report.services.flatMap((s) =>
    [
      { ...s, name: `**${s.name}**` },
      ...s.operations.map((o) => ({ ...o, name: `${s.name} ${o.name}` })),
    ]
      .filter((f) => f.requestsPerSecond > 0)
      .map((f) => [
        code(f.name),
        formatRate(f.requestsPerSecond),
        formatPercent(f.errorPercent),
        formatMs(f.latencyMs.p50),
        formatMs(f.latencyMs.p95),
        formatMs(f.latencyMs.p99),
      ]),
  );
  const header = ["service / operation", "req/s", "errors", "p50", "p95", "p99"];
  return [title, "", ...markdownTable(header, rows), ""].join("\n");
}

const latency = (l: LatencyChange) => {
  const text = `${formatMs(l.before)} → ${formatMs(l.after)}`;
  return l.significant ? `**${text}** ${(l.ms ?? 0) > 0 ? "▲" : "▼"}` : text;
};

/** `gini red --compare`: the table, what changed significantly with links to its traces. */
export function compareMarkdown(report: CompareReport, jaegerUi: string): string {
  const b = report.baseline;
  const changed = report.operations.filter((o) => o.significant);
  const compared = report.operations.some((o) => o.status === "compared");
  const headline = changed.some(worse)
    ? "▲ Significant changes for the worse"
    : changed.length > 0
      ? "▼ Significant changes, all for the better"
      : compared
        ? "No significant change"
        : "Nothing compared";
  const title = `### ${headline} against baseline \`${b.name}\``;
  const why = report.now.noData ? [`No data now: ${report.now.noData.message}`, ""] : [];
  const rows = report.operations.map((o) => {
    const e = o.errorPercent;
    const errors = `${formatPercent(e.before)} → ${formatPercent(e.after)}`;
    return [
      code(`${o.service} ${o.operation}`),
      `${o.requests.before} → ${o.requests.after}`,
      e.significant ? `**${errors}** ${(e.points ?? 0) > 0 ? "▲" : "▼"}` : errors,
      latency(o.latencyMs.p50),
      latency(o.latencyMs.p95),
      latency(o.latencyMs.p99),
      o.status === "compared" ? "" : o.status.replaceAll("-", " "),
    ];
  });
  const header = ["service operation", "requests", "errors", "p50", "p95", "p99", "note"];
  const { end, windowSeconds } = report.now.range;
  const changes = changed.map((o) => {
    const q = { service: o.service, operation: o.operation, end, windowSeconds };
    return `- ${changeLine(o)}: ${traceLinks(jaegerUi, q, o.slowestFromMs)}`;
  });
  const method = `Last ${formatWindow(windowSeconds)} vs the baseline's ${formatWindow(b.range.windowSeconds)} (saved ${b.savedAt}); significant: p < ${ALPHA}, latency ±${report.method.minLatencyChangePercent} % or more.`;
  return [
    title,
    "",
    ...why,
    ...markdownTable(header, rows),
    "",
    ...changes,
    ...(changes.length ? [""] : []),
    method,
    "",
  ].join("\n");
}

/** `gini red`'s output: an aligned table of the RED report, or why it has no data. */
import { stripVTControlCharacters } from "node:util";

import type { NoData, RedFigures, RedReport } from "../red/index.js";
import { formatMs, printable } from "../text/index.js";
import { bad, bold, dim, warn } from "./output.js";
import { formatPercent, formatRate, formatWindow, sparkline } from "./red-format.js";

/** Columns of numbers are right-aligned (`right`), the rest left; colours do not count. */
export function align(header: string[], rows: string[][], right: (i: number) => boolean): string[] {
  const width = (t: string) => stripVTControlCharacters(t).length;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = " ".repeat(widths[i]! - width(c));
        return right(i) ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  return [bold(line(header)), ...rows.map(line)];
}

/** A row's cells: errors highlighted; a row without requests dimmed. */
function cells(name: string, f: RedFigures, spark: boolean): string[] {
  const errors = formatPercent(f.errorPercent);
  if (f.requestsPerSecond === 0) {
    const idle = [name, formatRate(0), "-", "-", "-", "-"].map((c) => dim(c));
    return spark ? [...idle, dim(sparkline(f.history))] : idle;
  }
  const row = [
    name,
    formatRate(f.requestsPerSecond),
    f.errorPercent ? bad(errors) : dim(errors),
    formatMs(f.latencyMs.p50),
    formatMs(f.latencyMs.p95),
    formatMs(f.latencyMs.p99),
  ];
  return spark ? [...row, sparkline(f.history)] : row;
}

/** What the report is about: window, span kind, filters, source and time. */
function redTitle(report: RedReport): string {
  const parts = [
    `last ${formatWindow(report.windowSeconds)}`,
    report.spanKind ? `${report.spanKind} spans` : "all spans",
    report.service && `service ${report.service}`,
    report.operation && `operation ${report.operation}`,
    `${report.prometheus} at ${new Date(report.at).toTimeString().slice(0, 8)}`,
  ].filter(Boolean);
  return dim(`RED metrics, ${parts.join(", ")}`);
}

/** Why there is nothing to show, and what to do. */
export function noDataLines(noData: NoData): string[] {
  return [warn(`no data: ${noData.message}`), `${dim("hint:")} ${noData.hint}`];
}

/**
 * The table: a line per service and, indented, per operation that had requests in the window;
 * with `spark`, the request rate of the last minutes as a sparkline (terminals only).
 */
export function redLines(report: RedReport, spark: boolean): string[] {
  if (report.noData) return [redTitle(report), ...noDataLines(report.noData)];
  const history = `LAST ${formatWindow(report.historySeconds)}`;
  const header = ["SERVICE / OPERATION", "REQ/S", "ERRORS", "P50", "P95", "P99"];
  const rows = report.services.flatMap((s) => [
    cells(bold(printable(s.name)), s, spark),
    // An operation idle over the window (a readiness probe's, say) is in --json only.
    ...s.operations
      .filter((o) => o.requestsPerSecond > 0)
      .map((o) => cells(`  ${printable(o.name)}`, o, spark)),
  ]);
  const table = align(spark ? [...header, history] : header, rows, (i) => i > 0 && i < 6);
  return [redTitle(report), ...table];
}

/** `gini red --compare`'s output: each operation before → after, significant changes marked. */
import type { CompareReport, LatencyChange, OperationComparison, Quantile } from "../red/index.js";
import { ALPHA } from "../red/method.js";
import { formatMs, plural, printable } from "../text/index.js";
import { bad, bold, dim, ok, warn } from "./output.js";
import { formatPercent, formatTime, formatWindow } from "./red-format.js";
import { align, noDataLines } from "./red-table.js";

/** +137 %, -12 %; "" without a figure. */
const signedPercent = (p: number | null): string =>
  p === null ? "" : `${p > 0 ? "+" : ""}${Math.round(p)} %`;

/** True when a significant change of the operation made it worse (slower, or more errors). */
export const worse = (o: OperationComparison): boolean =>
  (o.errorPercent.significant && (o.errorPercent.points ?? 0) > 0) ||
  Object.values(o.latencyMs).some((l) => l.significant && (l.ms ?? 0) > 0);

/** A before → after cell; a significant change marked ▲ (worse, red) or ▼ (better, green). */
function cell(before: string, after: string, significant: boolean, worse: boolean): string {
  const text = `${before} → ${after}`;
  if (!significant) return text;
  return worse ? bad(`${text} ▲`) : ok(`${text} ▼`);
}

const latencyCell = (l: LatencyChange) =>
  cell(formatMs(l.before), formatMs(l.after), l.significant, (l.ms ?? 0) > 0);

function row(o: OperationComparison): string[] {
  const name = `${bold(printable(o.service))} ${printable(o.operation)}`;
  const requests = `${o.requests.before} → ${o.requests.after}`;
  const e = o.errorPercent;
  const errors = cell(
    formatPercent(e.before),
    formatPercent(e.after),
    e.significant,
    (e.points ?? 0) > 0,
  );
  const figures = [
    requests,
    errors,
    ...(["p50", "p95", "p99"] as const).map((q) => latencyCell(o.latencyMs[q])),
  ];
  const note = {
    compared: "",
    "too-few-requests": "too few requests",
    new: "new",
    vanished: "vanished",
  }[o.status];
  return [name, ...figures, note ? dim(note) : ""];
}

/**
 * `gini-api GET /items: p95 41ms → 97ms (+137 %)`, for each significant change of an operation;
 * with `errorsAlways`, the error rate ends the line even when it did not change significantly.
 */
export function changeLine(o: OperationComparison, errorsAlways = false): string {
  const parts = (["p50", "p95", "p99"] as Quantile[])
    .filter((q) => o.latencyMs[q].significant)
    .map((q) => {
      const l = o.latencyMs[q];
      return `${q} ${formatMs(l.before)} → ${formatMs(l.after)} (${signedPercent(l.percent)})`;
    });
  const e = o.errorPercent;
  const errors = `errors ${formatPercent(e.before)} → ${formatPercent(e.after)}`;
  if (e.significant) parts.push(`${errors} (${e.points! > 0 ? "+" : ""}${e.points} pp)`);
  else if (errorsAlways) parts.push(errors);
  return `${printable(`${o.service} ${o.operation}`)}: ${parts.join(", ")}`;
}

/** The whole comparison as lines: title, table, then what changed significantly. */
export function compareLines(report: CompareReport): string[] {
  const b = report.baseline;
  const kind = report.selection.spanKind ? `${report.selection.spanKind} spans` : "all spans";
  const saved = formatTime(b.savedAt);
  const title = dim(
    `baseline "${b.name}" (saved ${saved}, ${formatWindow(b.range.windowSeconds)}) vs the last ${formatWindow(report.now.range.windowSeconds)}, ${kind}`,
  );
  if (report.operations.length === 0) {
    const why = report.now.noData ? noDataLines(report.now.noData) : [];
    return [title, warn("no operations in the baseline or now"), ...why];
  }
  const header = ["SERVICE OPERATION", "REQUESTS", "ERRORS", "P50", "P95", "P99", ""];
  const table = align(header, report.operations.map(row), (i) => i > 0 && i < 6);
  const changed = report.operations.filter((o) => o.significant);
  const few = report.operations.filter((o) => o.status === "too-few-requests").length;
  const method = `p < ${ALPHA}, latency ±${report.method.minLatencyChangePercent} % or more`;
  const compared = report.operations.some((o) => o.status === "compared");
  const verdict =
    changed.length > 0
      ? changed.map((o) => bold(`significant: ${changeLine(o)}`))
      : compared
        ? [ok(`no significant change (${method})`)]
        : [
            warn(
              `nothing compared: no operation has ${report.method.minRequests} requests on both sides`,
            ),
          ];
  const why = report.now.noData ? noDataLines(report.now.noData) : [];
  const tooFew =
    few > 0
      ? [
          warn(
            `? ${plural(few, "operation")} with fewer than ${report.method.minRequests} requests on a side: not compared`,
          ),
        ]
      : [];
  return [title, ...table, ...verdict, ...tooFew, ...why];
}

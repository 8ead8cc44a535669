/** The one markdown table `npm run bench` prints. */

export interface Row {
  measure: string;
  gini: string;
  baseline: string;
  ratio: string;
  target: string;
  /** "met", "missed", or "" when the row has no target (context only). */
  result: "met" | "missed" | "";
}

/** A row's verdict: met when `ok`, missed otherwise, nothing when there is no figure. */
export const verdict = (ok: boolean | undefined): Row["result"] =>
  ok === undefined ? "" : ok ? "met" : "missed";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

export function renderTable(rows: readonly Row[]): string {
  const head = ["measure", "gini", "baseline", "ratio", "target", "result"];
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const r of rows) {
    const cells = [r.measure, r.gini, r.baseline, r.ratio, r.target, r.result];
    lines.push(`| ${cells.map(cell).join(" | ")} |`);
  }
  return lines.join("\n");
}

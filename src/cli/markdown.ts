/** Markdown tables for reports meant for pull-request comments. */

/** A cell's text with what would break the table escaped. */
const cell = (text: string): string => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** A GitHub-flavoured Markdown table. */
export function markdownTable(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}

/** A name as inline code, so that `*`, `_` or `<b>` in it stay text. */
export const code = (name: string): string => `\`${name.replaceAll("`", "'")}\``;

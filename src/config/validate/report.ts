import { GiniError } from "../../errors.js";
import { plural } from "../../text/index.js";
import type { Finding } from "./types.js";

/** Counts for a summary line or the JSON report. */
export function summarize(findings: readonly Finding[]): {
  ok: boolean;
  errors: number;
  warnings: number;
} {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { ok: errors === 0, errors, warnings: findings.length - errors };
}

/** The stable JSON shape of `gini validate --json`. */
export function jsonReport(findings: readonly Finding[]) {
  return {
    ...summarize(findings),
    findings: findings.map(({ severity, file, line, column, rule, message, fix }) => ({
      severity,
      file,
      line,
      column,
      rule,
      message,
      fix,
    })),
  };
}

/** One finding as `file:line:col: severity: message`. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message}`;
}

/** The GiniError `gini up` raises for a project whose configs have errors (none for warnings). */
export function findingsError(findings: readonly Finding[]): GiniError | undefined {
  const errors = findings.filter((f) => f.severity === "error");
  const first = errors[0];
  if (!first) return undefined;
  const more = errors.length - 1;
  const tail =
    more > 0
      ? ` (${plural(more, "more error")}: run \`gini validate\` to see them all)`
      : " (run `gini validate` to check again)";
  return new GiniError(`${first.file}:${first.line}:${first.column}: ${first.message}`, {
    hint: `${first.fix}${tail}`,
  });
}

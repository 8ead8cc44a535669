/** `--format` of `gini red` and `gini check`, with `--json` as its short form. */
import { EXIT_USAGE, GiniError } from "../errors.js";

/** How a report is printed. */
export type ReportFormat = "text" | "json" | "markdown" | "junit";

/** The format the flags ask for, among those the command prints. */
export function reportFormat(
  flags: { format?: string; json?: boolean },
  allowed: readonly ReportFormat[],
): ReportFormat {
  const asked = flags.format ?? (flags.json ? "json" : "text");
  if (!allowed.includes(asked as ReportFormat)) {
    throw new GiniError(`--format: "${asked}" is not one of ${allowed.join(", ")}`, {
      hint: `e.g. --format ${allowed.at(-1)}`,
      exitCode: EXIT_USAGE,
    });
  }
  if (flags.json && asked !== "json") {
    throw new GiniError(`--json and --format ${asked} ask for two formats`, {
      hint: "give one of them",
      exitCode: EXIT_USAGE,
    });
  }
  return asked as ReportFormat;
}

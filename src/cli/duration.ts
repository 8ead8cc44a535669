import { EXIT_USAGE, GiniError } from "../errors.js";
import { durationSeconds, type DurationUnit } from "../text/index.js";

/** The units the CLI's duration flags take (Prometheus' w and y make no sense for them). */
const CLI_UNITS: readonly DurationUnit[] = ["ms", "s", "m", "h", "d"];

/** Parses "90s", "5m", "1h30m" or a bare number of seconds into seconds. */
export function parseDuration(text: string, flag: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : durationSeconds(text, CLI_UNITS);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    throw new GiniError(`${flag}: "${text}" is not a duration`, {
      hint: "use e.g. 30s, 5m, 1h30m",
      exitCode: EXIT_USAGE,
    });
  }
  return seconds;
}

/** `--since`: a duration ago, an RFC 3339 date or a Unix timestamp, as Unix seconds. */
export function parseSince(text: string, now = Date.now()): number {
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms))
      throw new GiniError(`--since: "${text}" is not a date`, {
        hint: "use e.g. 2026-01-31T12:00:00Z",
        exitCode: EXIT_USAGE,
      });
    return Math.floor(ms / 1000);
  }
  if (/^\d{9,}$/.test(text)) return Number(text);
  return Math.floor(now / 1000 - parseDuration(text, "--since"));
}

import { EXIT_USAGE, GiniError } from "../errors.js";

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/** Parses "90s", "5m", "1h30m" or a bare number of seconds into seconds. */
export function parseDuration(text: string, flag: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  const seconds = /^\d+(\.\d+)?$/.test(text)
    ? Number(text)
    : parts.map((p) => p[0]).join("") === text && parts.length > 0
      ? parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0)
      : NaN;
  if (!Number.isFinite(seconds) || seconds < 0) {
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

/** Seconds in each unit of a Go or Prometheus duration (the configs' `5s`, the CLI's `--since 10m`). */
const UNIT_SECONDS = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
} as const;

/** A unit a duration may use. */
export type DurationUnit = keyof typeof UNIT_SECONDS;

const ALL_UNITS = Object.keys(UNIT_SECONDS) as DurationUnit[];

/**
 * Seconds in a duration written as number-unit pairs (`500ms`, `5s`, `1m30s`, `1h`), each unit
 * one of `units`; undefined for anything else (a bare number, spaces, other units, a non-string).
 */
export function durationSeconds(
  value: unknown,
  units: readonly DurationUnit[] = ALL_UNITS,
): number | undefined {
  if (typeof value !== "string") return undefined;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)([a-z]+)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== value) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of parts) {
    if (!units.includes(unit as DurationUnit)) return undefined;
    seconds += Number(amount) * UNIT_SECONDS[unit as DurationUnit];
  }
  return seconds;
}

/** Reading parsed YAML as plain data, where any key may be missing or of the wrong type. */

/** A plain object, or undefined for anything else. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The value at `keys`, or undefined when any step is missing. */
export function get(data: unknown, ...keys: string[]): unknown {
  let value = data;
  for (const key of keys) value = asRecord(value)?.[key];
  return value;
}

/** The value if it is a string, else undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The string items of a list; anything else (or no list) gives []. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

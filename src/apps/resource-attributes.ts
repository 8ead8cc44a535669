import { GINI_APP_ATTRIBUTE } from "../config/index.js";

/**
 * One OTEL_RESOURCE_ATTRIBUTES value as its entries, per the SDK configuration spec: `key=value`
 * pairs separated by commas, values percent-encoded. Entries stay as written (encoded), so a
 * merge never changes a user's value; only keys are compared, trimmed as the SDKs trim them.
 */
function entries(value: string | undefined): [key: string, entry: string][] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.includes("="))
    .map((entry) => [entry.slice(0, entry.indexOf("=")).trim(), entry]);
}

/**
 * OTEL_RESOURCE_ATTRIBUTES with `gini.app=<name>` added, so the span metrics say which app sent
 * each service (a multi-service app names its own services). The user's values come after it,
 * each later one winning per key: a user who sets gini.app keeps theirs.
 */
export function withGiniApp(name: string, ...userValues: (string | undefined)[]): string {
  const merged = new Map<string, string>([
    [GINI_APP_ATTRIBUTE, `${GINI_APP_ATTRIBUTE}=${encodeURIComponent(name)}`],
  ]);
  for (const value of userValues) {
    for (const [key, entry] of entries(value)) {
      merged.delete(key); // re-inserted last: the entry's place follows who set it
      merged.set(key, entry);
    }
  }
  return [...merged.values()].join(",");
}

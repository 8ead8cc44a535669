/** Links into the Jaeger UI's search for the traces behind a figure: the slowest, the failing. */

/** What to look for: an operation's traces within a time range. */
export interface TraceLinkQuery {
  service: string;
  operation: string | null;
  /** The window's end (ISO 8601) and length in seconds. */
  end: string;
  windowSeconds: number;
}

/** The Jaeger UI search for the query's traces taking `minMs` or more, or only the failing ones. */
export function traceSearch(
  jaegerUi: string,
  q: TraceLinkQuery,
  only: { minMs: number } | { errors: true },
): string {
  const endUs = Date.parse(q.end) * 1000;
  const url = new URL("/search", jaegerUi);
  url.searchParams.set("service", q.service);
  if (q.operation !== null) url.searchParams.set("operation", q.operation);
  url.searchParams.set("start", String(endUs - q.windowSeconds * 1_000_000));
  url.searchParams.set("end", String(endUs));
  url.searchParams.set("lookback", "custom");
  url.searchParams.set("limit", "20");
  if ("minMs" in only) url.searchParams.set("minDuration", `${Math.floor(only.minMs)}ms`);
  else url.searchParams.set("tags", JSON.stringify({ error: "true" }));
  return url.toString();
}

/** `[slowest](…) · [failing](…)` for a Markdown cell. */
export function traceLinks(jaegerUi: string, q: TraceLinkQuery, slowestMs: number | null): string {
  const slow =
    slowestMs === null ? [] : [`[slowest](${traceSearch(jaegerUi, q, { minMs: slowestMs })})`];
  return [...slow, `[failing](${traceSearch(jaegerUi, q, { errors: true })})`].join(" · ");
}

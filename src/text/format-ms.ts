/**
 * A duration in milliseconds as gini prints it everywhere (`gini red`, `check`, `traces`): three
 * significant figures at most, the unit attached: 0.42ms, 4.2ms, 279ms, 1.24s, 421s; "-" for no
 * figure. Below 1 ms two decimals, since spans that short are common and "0.0ms" says nothing.
 */
export function formatMs(ms: number | null): string {
  if (ms === null) return "-";
  if (ms < 1) return `${ms.toFixed(2)}ms`;
  if (ms < 10) return `${ms.toFixed(1)}ms`;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)}s`;
  return `${Math.round(ms / 1000)}s`;
}

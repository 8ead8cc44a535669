/**
 * How `gini red` and `gini check` write figures: rates, percentages, budgets, sparklines (latencies:
 * formatMs in src/text, which `gini traces` shares).
 */

const BLOCKS = "▁▂▃▄▅▆▇█";

/** 15.0%, 0.25%; "-" for no figure. */
export function formatPercent(percent: number | null): string {
  if (percent === null) return "-";
  return percent > 0 && percent < 1 ? `${percent.toFixed(2)}%` : `${percent.toFixed(1)}%`;
}

/** Requests per second: 0.05, 9.95, 123.4. */
export function formatRate(rate: number): string {
  return rate >= 100 ? rate.toFixed(0) : rate >= 10 ? rate.toFixed(1) : rate.toFixed(2);
}

/** A budget as gini.yaml writes it: 300ms, 1.5s, 1%. */
export function formatBudget(value: number, unit: "ms" | "%"): string {
  if (unit === "%") return `${value}%`;
  return value >= 1000 ? `${value / 1000}s` : `${value}ms`;
}

/** A moment in local time: 2026-12-03 14:02:11. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `${date} ${d.toTimeString().slice(0, 8)}`;
}

/** A duration in seconds as the flags take it: 90 → 1m30s, 60 → 1m, 5 → 5s. */
export function formatWindow(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round((seconds - m * 60) * 1000) / 1000;
  return `${m ? `${m}m` : ""}${s || !m ? `${s}s` : ""}`;
}

/** One block per point, scaled to the largest; a gap where there is no value. */
export function sparkline(points: (number | null)[]): string {
  const max = Math.max(0, ...points.filter((p) => p !== null));
  return points
    .map((p) => {
      if (p === null) return " ";
      const level = max > 0 ? Math.round((p / max) * (BLOCKS.length - 1)) : 0;
      return BLOCKS[level];
    })
    .join("");
}

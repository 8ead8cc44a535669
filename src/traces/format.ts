/** How long ago, in the largest whole unit: "12s ago", "3m ago", "2h ago", "1d ago". */
export function formatAge(ms: number): string {
  const s = Math.floor(ms / 1000);
  // A span stamped by a clock slightly ahead of this one is not from the future.
  if (s < 1) return "just now";
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86_400)}d ago`;
}

/** RFC 3339 in UTC with microseconds, the precision Jaeger keeps. */
export function isoMicros(ms: number): string {
  const micros = Math.round(ms * 1000);
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, -1)}${String(((micros % 1000) + 1000) % 1000).padStart(3, "0")}Z`;
}

/** The first line of a text, cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const line = text.split("\n", 1)[0]!;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

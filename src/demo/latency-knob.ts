import { readFileSync } from "node:fs";

/**
 * The demo API's latency knob, for trying `gini red --compare` and for the tests: the JSON file
 * GINI_DEMO_LATENCY_FILE names, read on every request, maps a route to a uniform delay, e.g.
 * `{"GET /api/items": {"minMs": 50, "maxMs": 100}}`. Routes it does not name, and every route
 * while the file is missing or broken, keep their built-in delays.
 */
export type LatencyKnob = (route: string) => { minMs: number; maxMs: number } | undefined;

/** The knob of `env` (none without GINI_DEMO_LATENCY_FILE). */
export function latencyKnob(env: NodeJS.ProcessEnv = process.env): LatencyKnob {
  const file = env.GINI_DEMO_LATENCY_FILE;
  return (route) => {
    if (!file) return undefined;
    try {
      const entry = (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)[route];
      const { minMs, maxMs } = (entry ?? {}) as { minMs?: unknown; maxMs?: unknown };
      if (typeof minMs !== "number" || typeof maxMs !== "number" || !(minMs <= maxMs)) return;
      return { minMs: Math.max(0, minMs), maxMs };
    } catch {
      return undefined; // mid-write or removed: the built-in delay, until the next request
    }
  };
}

/** A uniform delay within the knob's range. */
export const uniformMs = ({ minMs, maxMs }: { minMs: number; maxMs: number }): number =>
  minMs + Math.random() * (maxMs - minMs);

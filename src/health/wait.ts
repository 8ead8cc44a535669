import type { Clock } from "./clock.js";
import type { ProbeResult } from "./http-probe.js";

/** How long and how often to retry. */
export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
  clock: Clock;
  signal?: AbortSignal;
}

/**
 * Calls `check` until it reports ok, the time is up, or the signal aborts. Returns the last
 * result, so a caller can say why it never got ready. `check` may throw to stop early.
 */
export async function waitUntil(
  check: () => Promise<ProbeResult>,
  { timeoutMs, intervalMs, clock, signal }: WaitOptions,
): Promise<ProbeResult> {
  const deadline = clock.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    const result = await check();
    if (result.ok) return result;
    const left = deadline - clock.now();
    if (left <= 0) return result;
    await clock.sleep(Math.min(intervalMs, left), signal);
  }
}

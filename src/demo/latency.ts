/** A standard normal sample (Box-Muller), from a uniform source that tests can replace. */
function normal(random: () => number): number {
  const u = 1 - random(); // in (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * A log-normal delay clamped to [min, max] ms: mostly near the median with a long right tail,
 * the shape real endpoints have, so the Monitor tab's P50/P95/P99 lines come apart.
 */
export function sampleLatencyMs(
  { median, sigma, min, max }: { median: number; sigma: number; min: number; max: number },
  random: () => number = Math.random,
): number {
  const value = Math.exp(Math.log(median) + sigma * normal(random));
  return Math.round(Math.min(max, Math.max(min, value)));
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

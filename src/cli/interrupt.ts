import { GiniError } from "../errors.js";

/**
 * Turns the first Ctrl-C (or SIGTERM) into an abort with a GiniError saying what state is left;
 * a second one exits at once. `cleanupMs` is how long the aborted work may take to clean up
 * (stop what it started) before gini exits anyway.
 */
export function onInterrupt(
  what: string,
  hint: string,
  cleanupMs = 3000,
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new GiniError(`interrupted ${what}`, { hint, code: "interrupted" }));
    // Engine calls in flight (a pull, say) must not keep gini alive once the error is printed.
    setTimeout(() => process.exit(1), cleanupMs).unref();
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}

/** Resolves like `work`, or rejects with the abort reason as soon as the signal aborts. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

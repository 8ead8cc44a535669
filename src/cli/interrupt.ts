import { GiniError } from "../errors.js";

/** How {@link onInterrupt} ends the aborted work. */
interface InterruptOptions {
  /**
   * How long the aborted work may take to clean up (stop what it started) before gini exits
   * anyway with 1; default 3 s.
   */
  cleanupMs?: number;
  /** Runs on the second Ctrl-C before gini exits with 130, e.g. to kill what still runs. */
  onForce?: () => Promise<void>;
}

/**
 * Turns the first Ctrl-C (or SIGTERM) into an abort with a GiniError saying what state is left;
 * a second one exits at once (after `onForce`), a third without waiting for it.
 */
export function onInterrupt(
  what: string,
  hint: string,
  { cleanupMs = 3000, onForce }: InterruptOptions = {},
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let count = 0;
  const handler = () => {
    count++;
    if (count === 1) {
      controller.abort(new GiniError(`interrupted ${what}`, { hint, code: "interrupted" }));
      // Engine calls in flight (a pull, say) must not keep gini alive once the error is printed.
      setTimeout(() => process.exit(1), cleanupMs).unref();
    } else if (count === 2 && onForce) {
      void onForce().finally(() => process.exit(130));
    } else {
      process.exit(130);
    }
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

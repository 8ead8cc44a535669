/** Exit codes from the contract: 0 success, 1 failure, 2 usage error. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * The one error type gini raises on purpose. `message` says what failed and where (one line),
 * `hint` says what to do about it. Only the entry point prints it.
 */
export class GiniError extends Error {
  /** Context printed between the message and the hint, e.g. a container's last log lines. */
  readonly details: string[];

  constructor(
    message: string,
    /** What the user can do next, printed on its own line. */
    readonly hint?: string,
    /** Process exit code: 1 for failures, 2 for usage errors. */
    readonly exitCode: number = EXIT_FAILURE,
    options?: { cause?: unknown; details?: string[] },
  ) {
    super(message, options);
    this.name = "GiniError";
    this.details = options?.details ?? [];
  }
}

/** The message of any thrown value, for wrapping unexpected errors. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

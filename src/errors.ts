/** Exit codes from the contract: 0 success, 1 failure, 2 usage error. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** `gini check`: too few requests (or no data) to judge against the budgets. */
export const EXIT_CANNOT_JUDGE = 3;

/**
 * What kind of failure a GiniError is, for callers that react to one kind (never by matching the
 * message). Most errors need no code: they are only printed.
 */
export type GiniErrorCode =
  | "project-not-found"
  | "file-not-found"
  | "invalid-yaml"
  | "invalid-config"
  | "engine-unreachable"
  | "interrupted";

/** The options of a GiniError; every one is optional. */
export interface GiniErrorOptions {
  /** What the user can do next, printed on its own line. */
  hint?: string;
  /** Process exit code: 1 (the default) for failures, 2 for usage errors. */
  exitCode?: number;
  /** The kind of failure, for callers that handle one kind. */
  code?: GiniErrorCode;
  /** The underlying error, printed with --verbose. */
  cause?: unknown;
  /** Context printed between the message and the hint, e.g. a container's last log lines. */
  details?: string[];
}

/**
 * The one error type gini raises on purpose. `message` says what failed and where (one line),
 * `hint` says what to do about it. Only the entry point prints it.
 */
export class GiniError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  readonly code: GiniErrorCode | undefined;
  readonly details: string[];

  constructor(message: string, options: GiniErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "GiniError";
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT_FAILURE;
    this.code = options.code;
    this.details = options.details ?? [];
  }
}

/** The message of any thrown value, for wrapping unexpected errors. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

import { type Command, CommanderError } from "commander";

import { buildProgram, globalOptions, printError } from "./cli/index.js";
import { errorMessage, EXIT_FAILURE, EXIT_USAGE, GiniError } from "./errors.js";

/**
 * Runs the CLI and returns the exit code; only here are errors printed. `build` is for tests,
 * which add a command of their own to the real program.
 */
export async function main(argv: string[], build: () => Command = buildProgram): Promise<number> {
  const program = build();
  try {
    await program.parseAsync(argv);
    // A command that printed its own failure (validate's findings) sets process.exitCode.
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    // Commander has parsed the global flags by the time anything but a usage error is thrown.
    return exitCodeFor(err, globalOptions(program).verbose === true);
  }
}

/** Maps any thrown value to the contract's exit code, printing it the one way gini prints errors. */
function exitCodeFor(err: unknown, verbose: boolean): number {
  if (err instanceof CommanderError) {
    // commander already printed the usage message; help and --version are not errors.
    return err.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (err instanceof GiniError) {
    printError(err.message, err.hint, err.details);
    if (verbose) console.error(err.cause ?? err);
    return err.exitCode;
  }
  printError(
    `unexpected: ${errorMessage(err)}`,
    "run again with --verbose and report the stack trace",
  );
  if (verbose) console.error(err);
  return EXIT_FAILURE;
}

import { execa } from "execa";

/** What one run of gini's own command line left. */
export interface GiniRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** How the MCP server runs a command: the same gini, on the same project and engine. */
export interface GiniRunner {
  (args: string[], timeoutMs: number): Promise<GiniRun>;
}

/** Beyond this much output a run is cut off: an answer is bounded long before it. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/**
 * Runs gini's command line (this very installation: `entry` under this Node) with the server's
 * global options in front, without colour, and never rejects: a command that fails, times out
 * or cannot start is a run with its code and what it printed.
 */
export function giniRunner(entry: string, globalArgs: string[]): GiniRunner {
  return async (args, timeoutMs) => {
    const run = await execa(process.execPath, [entry, ...globalArgs, ...args], {
      reject: false,
      env: { NO_COLOR: "1" },
      stdin: "ignore",
      timeout: timeoutMs,
      maxBuffer: MAX_OUTPUT_BYTES,
    });
    const stderr = run.timedOut
      ? `error: \`gini ${args.join(" ")}\` took longer than ${timeoutMs / 1000} s\nhint: \`gini doctor\` says what is slow or stuck`
      : String(run.stderr);
    return { code: run.exitCode ?? 1, stdout: String(run.stdout), stderr };
  };
}

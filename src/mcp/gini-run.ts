import { execFile } from "node:child_process";

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
  return (args, timeoutMs) =>
    new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [entry, ...globalArgs, ...args],
        {
          env: { ...process.env, NO_COLOR: "1" },
          timeout: timeoutMs,
          maxBuffer: MAX_OUTPUT_BYTES,
        },
        (err, stdout, stderr) => {
          // Killed by the timeout (too much output kills it too, with its own code).
          const timedOut = err?.killed === true && err.code !== "ERR_CHILD_PROCESS_STDIO_MAXBUFFER";
          const code = err === null ? 0 : typeof err.code === "number" ? err.code : 1;
          resolve({
            code,
            stdout,
            stderr: timedOut
              ? `error: \`gini ${args.join(" ")}\` took longer than ${timeoutMs / 1000} s\nhint: \`gini doctor\` says what is slow or stuck`
              : stderr,
          });
        },
      );
      child.stdin?.end();
    });
}

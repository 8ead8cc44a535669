import type { Command } from "commander";

import { globalOptions } from "./global-options.js";

/** The global flags the server passes on to each command it runs. */
function globalArgs(cmd: Command): string[] {
  const { projectDir, config, context, verbose } = globalOptions(cmd);
  return [
    ...(projectDir ? ["--project-dir", projectDir] : []),
    ...(config ? ["--config", config] : []),
    ...(context ? ["--context", context] : []),
    ...(verbose ? ["--verbose"] : []),
  ];
}

/** `gini mcp`: the stack as tools for coding agents, over stdio. */
export function registerMcp(program: Command): void {
  program
    .command("mcp")
    .description(
      "serve the stack to coding agents over MCP (stdio): tools status, doctor, red, check, baselines, compare, traces, logs (up, down with --allow-lifecycle)",
    )
    .option("--allow-lifecycle", "also offer the tools up and down (read-only without it)")
    .action(async (flags: { allowLifecycle?: boolean }, cmd: Command) => {
      const { giniRunner, serveMcp } = await import("../mcp/index.js");
      // This very gini: the entry Node is running now.
      const run = giniRunner(process.argv[1]!, globalArgs(cmd));
      await serveMcp({
        version: cmd.parent!.version()!,
        allowLifecycle: flags.allowLifecycle === true,
        run,
      });
    });
}

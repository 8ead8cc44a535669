import type { Command } from "commander";

import type { ProjectOptions } from "../config/index.js";

/** The global flags every command understands, as commander parsed them. */
export interface GlobalOptions extends ProjectOptions {
  /** --verbose: a failure also prints its cause and stack. */
  verbose?: boolean;
  /** false with --no-color. */
  color?: boolean;
  /** --context: the Docker context to use, over DOCKER_HOST and DOCKER_CONTEXT. */
  context?: string;
}

/** What the engine client needs from the global flags: only --context, when given. */
export function engineOptions(command: Command): { context?: string } {
  const { context } = globalOptions(command);
  return context ? { context } : {};
}

/**
 * The global flags, read from the root program whatever subcommand runs. Commander takes them
 * from anywhere on the line (before or after the subcommand, never after `--`).
 */
export function globalOptions(command: Command): GlobalOptions {
  let root = command;
  while (root.parent) root = root.parent;
  return root.opts<GlobalOptions>();
}

import type { Command } from "commander";

import type { ProjectOptions } from "../config/load.js";

/** The global flags every command understands. */
export interface GlobalOptions extends ProjectOptions {
  verbose?: boolean;
  color?: boolean;
}

/** The global flags, read from the root program whatever subcommand runs. */
export function globalOptions(command: Command): GlobalOptions {
  let root = command;
  while (root.parent) root = root.parent;
  return root.opts<GlobalOptions>();
}

import type { Command } from "commander";

import type { StackLocation } from "../stack/index.js";
import { engineOptions } from "./global-options.js";
import { note, warn } from "./output.js";

/**
 * Settles where this command reaches the stack's ports (stack's locateStack) and, on a remote
 * engine, says so on stderr: where the ports are, or the SSH tunnel that brings them here. The
 * command hands the published host to whatever builds a URL for its user or probes a port.
 */
export async function reachStack(cmd: Command, project: { bind: string }): Promise<StackLocation> {
  const { locateStack } = await import("../stack/index.js");
  const location = locateStack(engineOptions(cmd), project.bind);
  const { remote } = location;
  if (remote?.tunnel) {
    note(
      warn(
        `the engine ${remote.endpoint} is remote and gini.yaml binds the stack's ports to 127.0.0.1 on ${remote.host}: they are reachable only from there, or through an SSH tunnel from here:`,
      ),
    );
    note(`  ${remote.tunnel}`);
  } else if (remote) {
    note(`the engine ${remote.endpoint} is remote: the stack's ports are on ${remote.host}`);
  }
  return location;
}

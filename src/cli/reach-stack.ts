import type { Command } from "commander";

import type { RemoteEngine } from "../stack/index.js";
import { engineOptions } from "./global-options.js";
import { note, warn } from "./output.js";

/**
 * Settles where this command reaches the stack's ports (see stack's reachStack) and, on a remote
 * engine, says so on stderr: where the ports are, or the SSH tunnel that brings them here.
 */
export async function reachStack(
  cmd: Command,
  project: { bind: string },
): Promise<RemoteEngine | undefined> {
  const { reachStack: reach } = await import("../stack/index.js");
  const remote = reach(engineOptions(cmd), project.bind);
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
  return remote;
}

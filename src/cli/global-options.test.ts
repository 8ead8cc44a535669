import type { Command } from "commander";
import { describe, expect, it } from "vitest";

import { engineOptions } from "./global-options.js";
import { buildProgram } from "./program.js";

/** The engine options a command sees for the given arguments. */
async function seen(...args: string[]) {
  const program = buildProgram();
  let options: ReturnType<typeof engineOptions> | undefined;
  program.command("probe").action((_flags: unknown, cmd: Command) => {
    options = engineOptions(cmd);
  });
  await program.parseAsync(["node", "gini", ...args]);
  return options;
}

describe("--context", () => {
  it("reaches every command's engine options, before or after the subcommand", async () => {
    expect(await seen("--context", "colima", "probe")).toEqual({ context: "colima" });
    expect(await seen("probe", "--context", "colima")).toEqual({ context: "colima" });
    expect(await seen("probe")).toEqual({});
  });
});

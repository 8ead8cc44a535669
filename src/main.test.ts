import chalk from "chalk";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { buildProgram } from "./cli/program.js";
import { GiniError } from "./errors.js";
import { main } from "./main.js";

const ESC = "\u001b[";

/** The real program with one more command, which fails the way a command's action can. */
function programWithFailingCommand() {
  const program = buildProgram();
  program
    .command("explode")
    .argument("[words...]")
    .option("--times <n>", "a subcommand option that refuses its value", (value: string) => {
      throw new GiniError(`--times: "${value}" is not a number`, { exitCode: 2 });
    })
    .action(() => {
      throw new GiniError("it broke", { hint: "try again", cause: new Error("the root cause") });
    });
  return program;
}

/** Runs `gini ...args` and returns what it printed on stderr and through console.error. */
async function run(...args: string[]) {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const logged: unknown[] = [];
  vi.spyOn(console, "error").mockImplementation((value: unknown) => logged.push(value));
  const code = await main(["node", "gini", ...args], programWithFailingCommand);
  vi.restoreAllMocks();
  return { code, stderr, logged };
}

describe("main: the global flags", () => {
  beforeEach(() => {
    chalk.level = 1; // as on a terminal, so that turning colour off shows
    vi.stubEnv("NO_COLOR", "");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("prints a failure in colour on a terminal, with its hint and without the cause", async () => {
    const { code, stderr, logged } = await run("explode");
    expect(code).toBe(1);
    expect(stderr).toContain(`${ESC}31merror:`);
    expect(stderr).toContain("it broke");
    expect(stderr).toContain("try again");
    expect(logged).toEqual([]);
  });

  it("--no-color after the subcommand prints it plain", async () => {
    const { stderr } = await run("explode", "--no-color");
    expect(stderr).toBe("error: it broke\nhint: try again\n");
  });

  it("NO_COLOR prints it plain", async () => {
    vi.stubEnv("NO_COLOR", "1");
    const { stderr } = await run("explode");
    expect(stderr).toBe("error: it broke\nhint: try again\n");
  });

  it("--no-color also covers an error about a subcommand's option", async () => {
    const { code, stderr } = await run("explode", "--times", "x", "--no-color");
    expect(code).toBe(2);
    expect(stderr).toBe('error: --times: "x" is not a number\n');
  });

  it("--verbose, before or after the subcommand, prints the cause", async () => {
    for (const args of [
      ["--verbose", "explode"],
      ["explode", "--verbose"],
    ]) {
      const { code, logged } = await run(...args);
      expect(code).toBe(1);
      expect(logged).toEqual([new Error("the root cause")]);
    }
  });

  it("--no-color after -- is an argument, not the global flag", async () => {
    const { code, stderr } = await run("explode", "--", "--no-color");
    expect(code).toBe(1);
    expect(stderr).toContain(`${ESC}31merror:`);
  });
});

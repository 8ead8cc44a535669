import { createRequire } from "node:module";

import { Command } from "commander";

import { registerCheck } from "./check.js";
import { registerDoctor } from "./doctor.js";
import { registerDown } from "./down.js";
import { registerExport } from "./export.js";
import { globalOptions } from "./global-options.js";
import { registerInit } from "./init.js";
import { registerLogs } from "./logs.js";
import { registerMcp } from "./mcp.js";
import { configureColor } from "./output.js";
import { registerRed } from "./red.js";
import { registerStatus } from "./status.js";
import { registerTraces } from "./traces.js";
import { registerTraffic } from "./traffic.js";
import { registerUp } from "./up.js";
import { registerValidate } from "./validate.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

/**
 * The commander program. Command files only declare options; their actions import the heavy
 * modules (dockerode, execa) lazily so `gini --version` starts fast.
 */
export function buildProgram(): Command {
  const program = new Command("gini")
    .description(
      "Service Performance Monitoring for your app: OpenTelemetry Collector, Jaeger and Prometheus",
    )
    .version(version)
    .option("--project-dir <dir>", "project folder", ".")
    .option("--config <file>", "gini.yaml to read (default: <project-dir>/gini.yaml)")
    .option(
      "--context <name>",
      "the Docker context to use (overrides DOCKER_HOST and DOCKER_CONTEXT)",
    )
    .option("--verbose", "print stack traces and Docker details, and `up`'s phase timings")
    .option("--no-color", "plain output (NO_COLOR is honoured too)")
    .showHelpAfterError()
    .exitOverride()
    // The root's flags are parsed from the whole line before the subcommand parses its own, so
    // colour is settled before anything can print, even an error about a subcommand's option.
    .hook("preSubcommand", (root) => configureColor(globalOptions(root).color !== false));
  for (const register of [
    registerUp,
    registerDown,
    registerLogs,
    registerStatus,
    registerValidate,
    registerDoctor,
    registerInit,
    registerTraffic,
    registerTraces,
    registerRed,
    registerCheck,
    registerExport,
    registerMcp,
  ]) {
    register(program);
  }
  return program;
}

import type { Command } from "commander";

import type { Finding } from "../config/index.js";
import { plural } from "../text/index.js";
import { globalOptions } from "./global-options.js";
import { bad, bold, dim, ok, say, warn } from "./output.js";

function printFinding(f: Finding): void {
  const severity = f.severity === "error" ? bad("error") : warn("warning");
  say(`${bold(`${f.file}:${f.line}:${f.column}`)}: ${severity}: ${f.message}`);
  say(`  ${dim("fix:")} ${f.fix}`);
}

/** `gini validate`: checks gini.yaml and the three config files; exit 1 on any error. */
export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description(
      "check gini.yaml and the collector, Jaeger and Prometheus configs before anything starts",
    )
    .option("--json", "print a JSON document: { ok, errors, warnings, findings }")
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const { validateOptions, jsonReport, summarize } = await import("../config/index.js");
      const findings = await validateOptions(globalOptions(cmd));
      const summary = summarize(findings);
      if (flags.json) {
        say(JSON.stringify(jsonReport(findings), null, 2));
      } else {
        for (const f of findings) printFinding(f);
        if (findings.length > 0) say();
        say(
          summary.ok
            ? ok(
                `✔ configs are valid${summary.warnings ? ` (${plural(summary.warnings, "warning")})` : ""}`,
              )
            : bad(`✖ ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}`),
        );
      }
      // Findings are the command's output, printed above; only the exit code is left to set.
      if (!summary.ok) process.exitCode = 1;
    });
}

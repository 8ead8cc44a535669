import type { Command } from "commander";

import type { Check, DoctorReport } from "../doctor/index.js";
import { plural } from "../text/index.js";
import { engineOptions, globalOptions } from "./global-options.js";
import { bad, bold, dim, ok, say, warn } from "./output.js";
import { reachStack } from "./reach-stack.js";

const MARK: Record<Check["status"], (s: string) => string> = {
  fail: (s) => bad(s),
  warn: (s) => warn(s),
  pass: (s) => ok(s),
  skip: (s) => dim(s),
};
const SYMBOL: Record<Check["status"], string> = { fail: "✖", warn: "!", pass: "✔", skip: "-" };

/** Groups in the report's order (most important first), each check with its fix. */
function printReport(report: DoctorReport, titles: Map<string, string>): void {
  let group = "";
  for (const c of report.checks) {
    if (c.group !== group) {
      if (group) say();
      group = c.group;
      const worst = report.checks.find((x) => x.group === group)!.status;
      say(MARK[worst](bold(titles.get(group) ?? group)));
    }
    const line = `  ${MARK[c.status](SYMBOL[c.status])} ${c.finding}`;
    say(c.status === "skip" ? dim(line) : line);
    if (c.fix && (c.status === "fail" || c.status === "warn")) say(`    ${dim("fix:")} ${c.fix}`);
  }
  const { fail, warn: warned, pass, skip } = report.summary;
  const counts = `${plural(fail, "failure")}, ${plural(warned, "warning")}, ${pass} passed${skip ? `, ${skip} skipped` : ""}`;
  say();
  say(report.ok ? ok(`✔ no failures (${counts})`) : bad(`✖ ${counts}`));
}

/** `gini doctor`: diagnoses the stack, its configs and the apps; exit 1 when a check fails. */
export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(
      "diagnose the stack: engine, containers, ports, configs, collector, Prometheus, span metrics, Jaeger and apps",
    )
    .option("--json", "print a JSON document: { ok, summary, checks }")
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const [{ GROUPS, realDoctorDeps, runDoctor }, { loadProjectOrDefaults }] = await Promise.all([
        import("../doctor/index.js"),
        import("../config/index.js"),
      ]);
      const project = await loadProjectOrDefaults(globalOptions(cmd));
      const location = await reachStack(cmd, project);
      const deps = realDoctorDeps(engineOptions(cmd));
      const report = await runDoctor(project, deps, location);
      if (flags.json) say(JSON.stringify(report, null, 2));
      else printReport(report, new Map<string, string>(GROUPS));
      // The checks are the command's output, printed above; only the exit code is left to set.
      if (!report.ok) process.exitCode = 1;
    });
}

import type { Command } from "commander";

import { globalOptions } from "./global-options.js";
import { dim, ok, say, warn } from "./output.js";

/**
 * `gini init`: writes the three configs and a commented gini.yaml listing the apps it found; never
 * overwrites without --force.
 */
export function registerInit(program: Command): void {
  program
    .command("init")
    .description(
      "write config-spm.yaml, config-jaeger.yaml, prometheus.yml and gini.yaml into the project",
    )
    .option("--force", "overwrite files that already exist")
    .action(async (flags: { force?: boolean }, cmd: Command) => {
      const { displayPath, guessesOf, initProject } = await import("../config/index.js");
      const options = globalOptions(cmd);
      const results = await initProject(options.projectDir ?? ".", {
        force: flags.force,
        configFile: options.config,
      });
      for (const { path, action } of results) {
        const shown = displayPath(path);
        if (action === "skipped")
          say(`${warn("skipped".padEnd(11))}  ${shown} ${dim("(exists; --force overwrites it)")}`);
        else say(`${ok(action.padEnd(11))}  ${shown}`);
      }
      const apps = results.find((r) => r.apps)?.apps;
      for (const app of apps ?? []) {
        const where = app.cwd ? ` in ${app.cwd}/` : "";
        say(`${ok("app".padEnd(11))}  ${app.name} ${dim(`(${app.kind}${where}: ${app.command})`)}`);
        for (const guess of guessesOf(app))
          say(`${warn("guess".padEnd(11))}  ${app.name}: ${guess}`);
      }
      if (apps?.length === 0) {
        say(
          `${warn("no app".padEnd(11))}  ${dim("none recognised; gini.yaml's apps: is a commented example")}`,
        );
      }
      const skipped = results.filter((r) => r.action === "skipped").length;
      say(
        dim(
          skipped === results.length
            ? "nothing written: every file exists (use --force to replace them)"
            : "next: edit gini.yaml's apps, then run `gini validate` and `gini up`",
        ),
      );
    });
}

import type { Command } from "commander";

import { engineOptions, globalOptions } from "./global-options.js";
import { dim, ok, printWarning, say } from "./output.js";

/** `gini down`: stop the apps, then remove every container and network of the project. */
export function registerDown(program: Command): void {
  program
    .command("down")
    .description("stop and remove the stack's containers and network")
    .option("--volumes", "remove image apps' anonymous volumes too")
    .action(async (flags: { volumes?: boolean }, cmd: Command) => {
      const [{ loadProject }, { down, realRuntime }, { downApps, lockProject }] = await Promise.all(
        [import("../config/index.js"), import("../stack/index.js"), import("../apps/index.js")],
      );
      const project = await loadProject(globalOptions(cmd));
      const { docker, clock } = realRuntime(engineOptions(cmd));
      const lock = await lockProject(project.dir, "down", { clock });
      let result;
      try {
        // Apps first: they export to the collector until they stop, and they need no engine.
        const { stopped: apps, warnings } = await downApps(project);
        for (const w of warnings) printWarning(w.text, w.hint);
        result = { apps, ...(await down(project, docker, flags)) };
      } finally {
        lock.release();
      }
      if (result.apps.length + result.containers.length + result.networks.length === 0) {
        say(`Nothing to remove: no gini stack is up for project ${project.name}.`);
        return;
      }
      for (const a of result.apps) say(`${ok("✔")} app ${a} stopped`);
      for (const c of result.containers) say(`${ok("✔")} ${c} removed`);
      for (const n of result.networks) say(`${ok("✔")} network ${n} removed`);
      say(dim(`project ${project.name} is down`));
    });
}

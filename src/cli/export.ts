import type { Command } from "commander";

import type { ExportResult } from "../export/index.js";
import { globalOptions } from "./global-options.js";
import { dim, note, ok, say, warn } from "./output.js";

/** The default folder of `gini export kubernetes`, in the current folder. */
const DEFAULT_K8S_DIR = "gini-k8s";

/**
 * Prints what an export did. A document sent to standard output is all that goes there, so
 * `gini export compose > stack.yml` holds nothing else; warnings and notes go to stderr.
 */
async function report(result: ExportResult, next: string): Promise<void> {
  const { displayPath, formatFinding } = await import("../config/index.js");
  for (const f of result.warnings) note(warn(formatFinding(f)));
  if (result.text !== undefined) process.stdout.write(result.text);
  for (const path of result.written) say(`${ok("wrote")}  ${displayPath(path)}`);
  for (const line of result.notes) note(dim(`note: ${line}`));
  if (result.written.length) say(dim(next));
}

/** `gini export compose|kubernetes`: the stack for a Swarm, Compose or a Kubernetes cluster. */
export function registerExport(program: Command): void {
  const command = program
    .command("export")
    .description("write the stack for Docker Swarm / Compose or Kubernetes (validates first)");
  command
    .command("compose")
    .description("a Compose file for `docker stack deploy -c FILE NAME` and `docker compose up`")
    .option("-o, --output <file>", "write it to FILE (replacing only an earlier export)")
    .action(async (flags: { output?: string }, cmd: Command) => {
      const [{ loadProject }, { exportCompose }] = await Promise.all([
        import("../config/index.js"),
        import("../export/index.js"),
      ]);
      const project = await loadProject(globalOptions(cmd));
      const file = flags.output ?? "FILE";
      await report(
        await exportCompose(project, flags.output),
        `next: docker stack deploy -c ${file} ${project.name}, or docker compose -f ${file} up`,
      );
    });
  command
    .command("kubernetes")
    .description("manifests and a kustomization.yaml for `kubectl apply -k DIR`")
    .option("-o, --output <dir>", "the folder to write", DEFAULT_K8S_DIR)
    .option("--namespace <ns>", "put everything in this namespace (created by the export)")
    .action(async (flags: { output: string; namespace?: string }, cmd: Command) => {
      const [{ loadProject }, { exportKubernetes }] = await Promise.all([
        import("../config/index.js"),
        import("../export/index.js"),
      ]);
      const project = await loadProject(globalOptions(cmd));
      await report(
        await exportKubernetes(project, flags.output, flags.namespace),
        `next: kubectl apply -k ${flags.output}`,
      );
    });
}

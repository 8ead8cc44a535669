/** Where things are, and running commands with wall-clock timing. */
import { spawn, spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

import { projectFixture } from "../src/config/project.fake.js";
import { docker, type TestImages } from "../test/setup/images.js";

export { docker };

const ROOT = resolve(import.meta.dirname, "..");
export const BIN = join(ROOT, "dist/bundle/bin.js");
export const SCRIPT = join(ROOT, "bench/script-stack.sh");

/** What every measure needs: the project folder and the env naming the test images. */
export interface BenchContext {
  dir: string;
  env: NodeJS.ProcessEnv;
  runs: number;
}

/** A fresh project folder named `name`, with the env that points gini at the test images. */
export function benchContext(name: string, runs: number, images: TestImages): BenchContext {
  return {
    dir: projectFixture({ name }),
    runs,
    env: {
      ...process.env,
      NO_COLOR: "1",
      GINI_OTEL_COLLECTOR_IMAGE: images.collector,
      GINI_JAEGER_IMAGE: images.jaeger,
      GINI_PROMETHEUS_IMAGE: images.prometheus,
    },
  };
}

/** Runs a command to its end, fails loudly on a non-zero exit, returns its wall time in ms. */
export function timed(ctx: BenchContext, cmd: string, args: string[]): number {
  return timedRun(ctx, cmd, args).ms;
}

/** `timed`, with what the command wrote. */
export function timedRun(
  ctx: BenchContext,
  cmd: string,
  args: string[],
): { ms: number; stdout: string; stderr: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd: ctx.dir,
    env: { ...ctx.env, PROJECT_DIR: ctx.dir },
    encoding: "utf8",
    timeout: 300_000,
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    const out = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim();
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}):\n${out}`);
  }
  return { ms: elapsed, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the commands at once without blocking the event loop (pollers keep polling); resolves with
 * the wall time in ms, rejects when one exits non-zero.
 */
export async function together(ctx: BenchContext, commands: string[][]): Promise<number> {
  const start = performance.now();
  await Promise.all(
    commands.map(
      ([cmd, ...args]) =>
        new Promise<void>((done, fail) => {
          const env = { ...ctx.env, PROJECT_DIR: ctx.dir };
          const child = spawn(cmd!, args, { cwd: ctx.dir, env, stdio: "ignore" });
          child.on("error", fail);
          child.on("close", (code) =>
            code === 0 ? done() : fail(new Error(`${cmd} ${args.join(" ")} exited with ${code}`)),
          );
        }),
    ),
  );
  return performance.now() - start;
}

/** `gini ARGS` in the bench project, timed. */
export const gini = (ctx: BenchContext, ...args: string[]) =>
  timed(ctx, process.execPath, [BIN, ...args]);

/** `gini ARGS --json` in the bench project: the document it printed. */
export const giniJson = <T>(ctx: BenchContext, ...args: string[]): T =>
  JSON.parse(timedRun(ctx, process.execPath, [BIN, ...args, "--json"]).stdout) as T;

/** `bash bench/script-stack.sh ARGS`, timed. */
export const script = (ctx: BenchContext, ...args: string[]) =>
  timed(ctx, "bash", [SCRIPT, ...args]);

/** Containers holding one of the stack's fixed names, but not left by the script of a bench. */
export async function stackNamesInUse(): Promise<string[]> {
  const lines = await docker("ps", "-a", "--format", '{{.Names}} {{.Label "gini.bench"}}');
  const fixed = new Set(["otel-collector", "jaeger", "prometheus"]);
  return lines
    .split("\n")
    .map((line) => line.split(" "))
    .filter(([name, bench]) => fixed.has(name!) && bench !== "script")
    .map(([name]) => name!);
}

/**
 * Removes what this benchmark may have left: gini's stack of the bench project (by its labels,
 * through `gini down`) and the script's containers and network (label gini.bench=script).
 */
export async function cleanUp(ctx: BenchContext): Promise<void> {
  spawnSync(process.execPath, [BIN, "down"], { cwd: ctx.dir, env: ctx.env });
  const ids = await docker("ps", "-aq", "--filter", "label=gini.bench=script");
  if (ids) await docker("rm", "-f", ...ids.split("\n"));
  const nets = await docker("network", "ls", "-q", "--filter", "label=gini.bench=script");
  if (nets) await docker("network", "rm", ...nets.split("\n"));
}

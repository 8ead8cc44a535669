import { type ChildProcess, execFile, spawn } from "node:child_process";
import { join } from "node:path";

import { afterAll, beforeAll, inject } from "vitest";

import { ROOT } from "../../src/config/project.fake.js";

export { ROOT };
const BIN = join(ROOT, "dist/bundle/bin.js");

/** What a finished `gini` run left. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Env that points gini at the integration-test images (real binaries built from Go modules). */
function imageEnv(): Record<string, string> {
  const images = inject("images");
  return {
    GINI_OTEL_COLLECTOR_IMAGE: images.collector,
    GINI_JAEGER_IMAGE: images.jaeger,
    GINI_PROMETHEUS_IMAGE: images.prometheus,
    NO_COLOR: "1",
  };
}

/** Runs the built CLI in `cwd` and resolves with its exit code and output (never rejects). */
export function gini(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, ...imageEnv(), ...env }, timeout: 180_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** Starts the CLI without waiting, for tests that signal it. */
export function spawnGini(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, ...imageEnv(), ...env },
  });
}

/**
 * A project for one test file: `gini down` before its tests (whatever an earlier, failed run left)
 * and after them, so every file starts from nothing and leaves nothing.
 */
export function projectDownAround(dir: string): void {
  beforeAll(async () => {
    await gini(dir, ["down"]);
  });
  afterAll(async () => {
    await gini(dir, ["down"]);
  });
}

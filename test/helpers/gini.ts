import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inject } from "vitest";

/** The repository root, where the built CLI and the shipped configs live. */
export const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "dist/bundle/bin.js");

/** What a finished `gini` run left. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Env that points gini at the integration-test images (real binaries built from Go modules). */
export function imageEnv(): Record<string, string> {
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

/** A fresh project folder holding copies of the repository's three configs. */
export function makeProject(name = "gini-it"): string {
  const dir = join(mkdtempSync(join(tmpdir(), "gini-test-")), name);
  mkdirSync(dir, { recursive: true });
  for (const file of ["config-spm.yaml", "config-jaeger.yaml", "prometheus.yml"]) {
    cpSync(join(ROOT, file), join(dir, file));
  }
  return dir;
}

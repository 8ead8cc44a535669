import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../..");

describe("an ssh:// engine", () => {
  it("gives the user gini's error and no Node deprecation warning (DEP0170)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gini-ssh-warning-"));
    try {
      // Nothing listens on port 1 of loopback: the connection is refused at once.
      const failed = await run(
        process.execPath,
        ["--import", "tsx", join(ROOT, "src/bin.ts"), "--project-dir", dir, "status"],
        { cwd: ROOT, env: { ...process.env, DOCKER_HOST: "ssh://nobody@127.0.0.1:1" } },
      ).then(
        () => undefined,
        (err: { stderr: string }) => err,
      );
      expect(failed?.stderr).toMatch(
        /^error: Docker engine not reachable at ssh:\/\/nobody@127\.0\.0\.1:1/m,
      );
      expect(failed?.stderr).not.toMatch(/DEP0170|DeprecationWarning/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000); // starts gini through tsx: seconds on a loaded machine
});

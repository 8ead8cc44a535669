import {
  chmodSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { tempFolder } from "../config/project.fake.js";
import { GiniError } from "../errors.js";
import { LOG_ROTATE_BYTES, logFileOf, previousLogOf } from "./app-log.js";
import { launchApp, type OutputStream } from "./launch.js";
import { isAlive } from "./process-identity.js";
import { stopTree } from "./stop-tree.js";

const project = () => tempFolder("gini-launch-");
const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", GREETING: "hello" };

describe("launchApp", () => {
  it("runs a command in the foreground: lines to onLine and to the log", async () => {
    const dir = project();
    const lines: [string, OutputStream][] = [];
    const app = await launchApp({
      projectDir: dir,
      name: "api",
      app: { command: 'echo "$GREETING from $(basename "$PWD")"; echo oops >&2; exit 3', cwd: "." },
      env,
      detach: false,
      onLine: (line, stream) => lines.push([line, stream]),
    });
    expect(app.pid).toBeGreaterThan(0);
    expect(app.logFile).toBe(logFileOf(dir, "api"));
    expect(await app.exited).toEqual({ code: 3, signal: null });
    expect(lines).toContainEqual([`hello from ${dir.split("/").at(-1)}`, "stdout"]);
    expect(lines).toContainEqual(["oops", "stderr"]);
    const log = readFileSync(app.logFile, "utf8");
    expect(log).toMatch(/^--- gini: .* starting api: echo/);
    expect(log).toContain("hello from");
    expect(log).toContain("oops\n");
  });

  it("refuses a log that is a link, writing and chmodding nothing through it", async () => {
    const dir = project();
    const victim = join(project(), "victim");
    writeFileSync(victim, "theirs\n", { mode: 0o644 });
    mkdirSync(join(dir, ".gini/logs"), { recursive: true });
    symlinkSync(victim, logFileOf(dir, "api"));
    const launched = launchApp({
      projectDir: dir,
      name: "api",
      app: { command: "echo ran" },
      env,
      detach: false,
    });
    await expect(launched).rejects.toThrow(/^\.gini\/logs\/api\.log is a symbolic link/);
    expect(readFileSync(victim, "utf8")).toBe("theirs\n");
    expect(statSync(victim).mode & 0o777).toBe(0o644);
  });

  it("appends to the log on every start", async () => {
    const dir = project();
    for (const word of ["first", "second"]) {
      const app = await launchApp({
        projectDir: dir,
        name: "job",
        app: { command: `echo ${word}` },
        env,
        detach: false,
      });
      await app.exited;
    }
    const log = readFileSync(logFileOf(dir, "job"), "utf8");
    expect(log.indexOf("first")).toBeLessThan(log.indexOf("second"));
  });

  it("moves a log past the limit to <name>.log.1 and starts a fresh one, readable only by the user", async () => {
    const dir = project();
    mkdirSync(join(dir, ".gini", "logs"), { recursive: true });
    const log = logFileOf(dir, "job");
    writeFileSync(log, "old\n");
    truncateSync(log, LOG_ROTATE_BYTES + 1); // sparse: instant, and no disk to speak of
    chmodSync(log, 0o644);
    const app = await launchApp({
      projectDir: dir,
      name: "job",
      app: { command: "echo fresh" },
      env,
      detach: true,
    });
    await app.exited;
    expect(statSync(previousLogOf(log)).size).toBe(LOG_ROTATE_BYTES + 1);
    expect(readFileSync(log, "utf8")).toMatch(
      /^--- gini: \S+ starting job: echo fresh\nfresh\n--- gini: exited with code 0\n$/,
    );
    expect(statSync(log).mode & 0o777).toBe(0o600);
    expect(statSync(previousLogOf(log)).mode & 0o777).toBe(0o600);
  });

  it("appends to a log under the limit, fixing a mode an older gini left readable", async () => {
    const dir = project();
    mkdirSync(join(dir, ".gini", "logs"), { recursive: true });
    const log = logFileOf(dir, "job");
    writeFileSync(log, "old\n");
    chmodSync(log, 0o644);
    const app = await launchApp({
      projectDir: dir,
      name: "job",
      app: { command: "echo new" },
      env,
      detach: false,
    });
    await app.exited;
    expect(readFileSync(log, "utf8")).toMatch(/^old\n--- gini: .*\nnew\n$/);
    expect(statSync(log).mode & 0o777).toBe(0o600);
  });

  it("detaches: output goes straight to the log, and the app runs in its own group", async () => {
    const dir = project();
    const app = await launchApp({
      projectDir: dir,
      name: "worker",
      app: { command: "echo started; exec sleep 30" },
      env,
      detach: true,
    });
    expect(isAlive({ pid: app.pid, processStart: app.processStart })).toBe(true);
    for (let i = 0; i < 50 && !/^started$/m.test(readFileSync(app.logFile, "utf8")); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(readFileSync(app.logFile, "utf8")).toContain("started\n");
    await stopTree(app, { graceMs: 2000 });
    expect(await app.exited).toEqual({ code: null, signal: "SIGTERM" });
    expect(isAlive({ pid: app.pid, processStart: app.processStart })).toBe(false);
  });

  it("names the app when its folder is missing", async () => {
    const err = await launchApp({
      projectDir: project(),
      name: "ui",
      app: { command: "true", cwd: "nowhere" },
      env,
      detach: false,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GiniError);
    expect((err as GiniError).message).toMatch(/^apps\.ui\.cwd: folder .*nowhere not found$/);
  });

  it("names the app when the shell cannot be spawned", async () => {
    // spawn() refuses an environment holding a NUL byte, like any other spawn failure.
    const err = await launchApp({
      projectDir: project(),
      name: "api",
      app: { command: "true" },
      env: { ...env, BROKEN: "a\0b" },
      detach: false,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GiniError);
    expect((err as GiniError).message).toMatch(/^apps\.api: cannot start "true": /);
  });

  it("rejects a cwd that is a file", async () => {
    const dir = project();
    writeFileSync(join(dir, "file"), "");
    const err = await launchApp({
      projectDir: dir,
      name: "ui",
      app: { command: "true", cwd: "file" },
      env,
      detach: false,
    }).catch((e: unknown) => e);
    expect((err as GiniError).message).toMatch(/^apps\.ui\.cwd: folder .*file not found$/);
  });
});

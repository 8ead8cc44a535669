import { closeSync, constants, createWriteStream, fchmodSync, openSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

import {
  type AppConfig,
  appFolder,
  ensureGiniDir,
  linkRefused,
  NO_FOLLOW,
  PRIVATE_FILE,
} from "../config/index.js";
import { GiniError } from "../errors.js";
import { logFileOf, rotateLog, START_HEADER } from "./app-log.js";
import { withExitMark } from "./exit-mark.js";
import { processStartOf } from "./process-identity.js";

/** Which output stream a line came from. */
export type OutputStream = "stdout" | "stderr";

/** What {@link launchApp} needs. */
export interface LaunchOptions {
  /** Absolute project folder: `cwd` resolves against it, logs go to its `.gini/logs/`. */
  projectDir: string;
  name: string;
  app: Pick<AppConfig, "command" | "cwd">;
  /** The complete environment (see appEnv); nothing else is inherited. */
  env: Record<string, string>;
  /** Output straight to the log file, and the app outlives gini; else piped through onLine. */
  detach: boolean;
  /** Each output line in the foreground (also appended to the log). */
  onLine?: (line: string, stream: OutputStream) => void;
}

/** How the app's process ended. */
export interface AppExit {
  code: number | null;
  signal: string | null;
}

/** A started app. */
export interface LaunchedApp {
  pid: number;
  /** Start time of `pid` (see processStartOf), recorded in the state file to detect pid reuse. */
  processStart: number;
  logFile: string;
  /** Resolves when the app's process ends (in the foreground: once its output is logged). */
  exited: Promise<AppExit>;
}

/** Opens an app's log to append to, refusing a link in its place. */
function openLog(logFile: string, projectDir: string): number {
  const { O_WRONLY, O_APPEND, O_CREAT } = constants;
  try {
    return openSync(logFile, O_WRONLY | O_APPEND | O_CREAT | NO_FOLLOW, PRIVATE_FILE);
  } catch (err) {
    throw linkRefused(err, logFile, projectDir);
  }
}

function forwardLines(stream: Readable | null, each: (line: string) => void): Promise<void> {
  if (!stream) return Promise.resolve();
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on("line", each);
  return new Promise((done) => lines.once("close", done));
}

/**
 * Starts an app's command through the shell, in its own process group, so stopTree can signal
 * the whole tree and a Ctrl-C in gini's terminal does not reach the app directly (gini stops it
 * in order). Output is appended to `.gini/logs/<name>.log`, behind a header line per start; a log
 * past LOG_ROTATE_BYTES is first moved to `<name>.log.1`.
 * @throws GiniError naming the app when its folder is missing or the command cannot be spawned.
 */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  const { projectDir, name, app, env, detach, onLine } = options;
  if (!app.command)
    throw new GiniError(`apps.${name}: no command to run`, { hint: "give the app a command" });
  const folder = appFolder(projectDir, name, app.cwd);
  if (folder.problem) throw new GiniError(folder.problem.message, { hint: folder.problem.hint });
  const cwd = folder.path;
  // Loaded here, not with the module: `status`, `down` and an `up` that keeps every app need
  // no execa, and every command pays for compiling what it loads.
  const { execa } = await import("execa");
  const logFile = logFileOf(projectDir, name);
  await ensureGiniDir(projectDir, "logs");
  rotateLog(logFile);
  const fd = openLog(logFile, projectDir);
  fchmodSync(fd, PRIVATE_FILE); // a log an older gini left readable
  writeSync(fd, `${START_HEADER}${new Date().toISOString()} starting ${name}: ${app.command}\n`);
  const subprocess = execa(detach ? withExitMark(app.command) : app.command, {
    shell: true,
    cwd,
    env,
    extendEnv: false,
    detached: true,
    stdin: "ignore",
    // Detached: the app writes to the file itself, so its log keeps growing after gini exits.
    // (execa's types list only fds 3-9; it hands any open fd to spawn as is.)
    stdout: detach ? (fd as 3) : "pipe",
    stderr: detach ? (fd as 3) : "pipe",
    buffer: false,
    reject: false,
  });
  if (detach) closeSync(fd); // the child holds its own copy
  const pid = subprocess.pid;
  if (pid === undefined) {
    if (!detach) closeSync(fd);
    const result = await subprocess;
    throw new GiniError(
      `apps.${name}: cannot start "${app.command}": ${result.shortMessage ?? result.message}`,
      { hint: "check the command and that the shell can run it from the app's folder" },
    );
  }
  const processStart = processStartOf(pid);
  const ended = subprocess.then((r): AppExit => ({
    code: r.exitCode ?? null,
    signal: r.signal ?? null,
  }));
  if (detach) {
    subprocess.unref();
    return { pid, processStart, logFile, exited: ended };
  }
  const log = createWriteStream("", { fd, flags: "a" });
  const pipe = (stream: OutputStream) => (line: string) => {
    log.write(line + "\n");
    onLine?.(line, stream);
  };
  const drained = Promise.all([
    forwardLines(subprocess.stdout, pipe("stdout")),
    forwardLines(subprocess.stderr, pipe("stderr")),
  ]);
  const exited = Promise.all([ended, drained]).then(
    ([exit]) => new Promise<AppExit>((done) => log.end(() => done(exit))),
  );
  return { pid, processStart, logFile, exited };
}

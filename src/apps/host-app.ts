import { existsSync } from "node:fs";

import type { AppConfig, Project } from "../config/index.js";
import type { LogLine, LogOptions } from "../docker/index.js";
import {
  type App,
  type AppFacts,
  type AppStatus,
  appUrl,
  configuredService,
  type HostProcessReader,
  type StartedApp,
  type StartOptions,
} from "./app.js";
import { appEnv } from "./app-env.js";
import {
  logFileOf,
  previousLogOf,
  readAppLog,
  RECENT_LOG_LINES,
  sinceLastStart,
} from "./app-log.js";
import { readExitMark } from "./exit-mark.js";
import { type AppExit, launchApp } from "./launch.js";
import { launchSpec } from "./launch-spec.js";
import { tailLines } from "./log-tail.js";
import { isAlive } from "./process-identity.js";
import { refuseTakenReadyUrl, waitAppReady } from "./ready.js";
import type { AppRecords } from "./records.js";
import { readState } from "./state-file.js";
import { APP_STOP_GRACE_MS, type AppProcess, stopTree } from "./stop-tree.js";

/** Enough of an exited app's log for its exit line and its own last few lines. */
const EXIT_TAIL_LINES = 20;

/**
 * An app gini runs as a shell command on the host, in its own process group, with the OTLP env
 * injected. Its pid is recorded in `.gini/state.json` and its output goes to `.gini/logs/<name>.log`.
 */
export class HostApp implements App {
  readonly kind = "host";
  readonly url: string | null;

  constructor(
    private readonly project: Project,
    readonly name: string,
    readonly config: AppConfig,
  ) {
    this.url = appUrl(config);
  }

  async start(options: StartOptions, records: AppRecords): Promise<StartedApp> {
    const { name, config } = this;
    const before = records.previous(name);
    // A detached `up` is idempotent, like the containers: an unchanged app keeps running. Its
    // entry, not only its command, decides: a new `otlp:` or `env:` takes a restart to apply.
    const spec = launchSpec(config);
    const unchanged = before?.command === config.command && (before?.spec ?? spec) === spec;
    if (before && options.detach && unchanged) {
      return startedHostApp(this, before, undefined, options, records);
    }
    if (before) await stopTree(before);
    return this.launch(options, records);
  }

  /** Launches its command afresh and records it, replacing its record. */
  async launch(options: StartOptions, records: AppRecords): Promise<StartedApp> {
    const { name, config, project } = this;
    const spec = launchSpec(config);
    await refuseTakenReadyUrl(name, config, options.probe);
    const launched = await launchApp({
      projectDir: project.dir,
      name,
      app: config,
      env: appEnv(name, config, { kind: "host", publishedHost: options.publishedHost }),
      detach: options.detach,
      ...(options.onLine ? { onLine: (l, s) => options.onLine!(name, l, s) } : {}),
    });
    const started = startedHostApp(this, launched, launched.exited, options, records);
    try {
      await records.put({
        name,
        pid: launched.pid,
        startedAt: new Date().toISOString(),
        processStart: launched.processStart,
        command: config.command ?? "",
        spec,
        logFile: launched.logFile,
      });
    } catch (err) {
      await started.stop(); // an app gini cannot record, `gini down` could not stop
      throw err;
    }
    return started;
  }

  async status(): Promise<AppStatus> {
    const entry = (await readState(this.project.dir)).apps.find((a) => a.name === this.name);
    const state = entry ? (isAlive(entry) ? "running" : "exited") : "stopped";
    const status: AppStatus = {
      name: this.name,
      pid: entry?.pid ?? null,
      state,
      url: this.url,
      startedAt: entry?.startedAt ?? null,
    };
    if (state !== "exited") return status;
    return { ...status, ...readExitMark(await tailLines(this.logFile, EXIT_TAIL_LINES)) };
  }

  async facts(_docker: unknown, hostProcess: HostProcessReader): Promise<AppFacts> {
    const p = await hostProcess(this.project, this.name);
    const seen = p.envs.map((e) => e.OTEL_SERVICE_NAME).find(Boolean);
    const configured = configuredService(this.name, this.config);
    const recentLog = sinceLastStart(await tailLines(this.logFile, RECENT_LOG_LINES));
    return {
      name: this.name,
      kind: this.kind,
      ...p,
      service: seen ?? configured,
      otlp: this.config.otlp ?? "grpc",
      recentLog,
    };
  }

  hasLog(): Promise<boolean> {
    return Promise.resolve(existsSync(this.logFile) || existsSync(previousLogOf(this.logFile)));
  }

  /** Its tail, then (with follow) every line appended after exactly that point. */
  async readLog(
    _docker: unknown,
    options: LogOptions,
    onLine: (line: LogLine) => void,
    signal: AbortSignal,
  ): Promise<void> {
    // `--since` and `--timestamps` do not apply: the log holds the app's own lines, untimed.
    const onText = (text: string) => onLine({ stream: "stdout", text });
    const { tail, follow = false } = options;
    await readAppLog(
      this.logFile,
      { follow, ...(tail !== undefined ? { tail } : {}) },
      onText,
      signal,
    );
  }

  private get logFile(): string {
    return logFileOf(this.project.dir, this.name);
  }
}

/**
 * A host app's process after start: one this `up` launched (then `exit` resolves when it ends)
 * or one an earlier detached `up` left running (then gini cannot watch it end).
 */
function startedHostApp(
  app: HostApp,
  proc: AppProcess & { logFile: string },
  exit: Promise<AppExit> | undefined,
  options: StartOptions,
  records: AppRecords,
): StartedApp {
  let ended: AppExit | undefined;
  const tail = (count: number) => tailLines(proc.logFile, count);
  const gone = () =>
    Promise.resolve(
      ended &&
        `exited with ${ended.code !== null ? `code ${ended.code}` : ended.signal} before it was ready`,
    );
  return {
    name: app.name,
    url: app.url,
    id: { pid: proc.pid },
    kept: exit === undefined,
    exited: exit?.then((e) => {
      ended = e;
      return e.code !== null ? `code ${e.code}` : `signal ${e.signal}`;
    }),
    waitReady: () =>
      waitAppReady(app.name, app.config.ready, { gone, lastLines: () => tail(15) }, options),
    stop: async (graceMs = APP_STOP_GRACE_MS) => {
      await stopTree(proc, { graceMs });
      await records.forget(app.name);
    },
    ...(exit && {
      restart: async (signal: AbortSignal) => {
        // An exited app's pid may belong to someone else now: only a live one is stopped.
        if (!ended) await stopTree(proc);
        await exit;
        return app.launch({ ...options, signal }, records);
      },
    }),
    lastLines: tail,
  };
}

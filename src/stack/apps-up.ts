import { appEnv } from "../apps/app-env.js";
import { launchApp, type AppExit, type OutputStream } from "../apps/launch.js";
import { tailLines } from "../apps/log-tail.js";
import { startOrder } from "../apps/start-order.js";
import {
  ensureGiniDir,
  isAlive,
  readState,
  writeState,
  type AppState,
} from "../apps/state-file.js";
import { stopTree } from "../apps/stop-tree.js";
import type { Project } from "../config/load.js";
import type { AppConfig } from "../config/schema.js";
import { GiniError } from "../errors.js";
import type { Clock } from "../health/clock.js";
import type { Probe } from "../health/http-probe.js";
import type { DockerClient } from "../docker/client.js";
import { startContainerApp, waitContainerAppReady } from "./container-app.js";
import { awaitReady } from "./readiness.js";
import { STOP_TIMEOUT_SECONDS } from "./plan.js";
import { appHint } from "./project-apps.js";
import type { PullPolicy } from "./pull.js";

/** How `up` launches apps, and the seams tests replace. */
export interface AppsUpOptions {
  /** Detached apps outlive gini with output in `.gini/logs/`; else output goes to `onLine` too. */
  detach: boolean;
  timeoutMs: number;
  /** For `image:` apps. */
  docker: DockerClient;
  pull: PullPolicy;
  probe: Probe;
  clock: Clock;
  signal?: AbortSignal;
  onLine?: (app: string, line: string, stream: OutputStream) => void;
  onEvent: (e: AppEvent) => void;
}

/** What launching apps tells the CLI. */
export type AppEvent =
  | { type: "app-started"; app: string; pid?: number; container?: string; kept: boolean }
  | { type: "app-ready"; app: string; ms: number };

/**
 * An app after `up`: a host process (pid) or a container. `exited` is set only for processes
 * this `up` started, which a foreground `up` supervises.
 */
export interface RunningApp {
  name: string;
  pid?: number;
  containerId?: string;
  url: string | undefined;
  exited: Promise<AppExit> | undefined;
}

/**
 * Starts the apps in dependency order, wave by wave, each wave waiting for its apps' `ready`
 * URLs. A detached `up` keeps apps still running from an earlier one with the same command
 * (idempotent, like the containers); one whose command changed is restarted. If an app fails to start or get ready, the apps this call started are stopped
 * again and the error carries the app's last log lines.
 */
export async function upApps(
  project: Project,
  apps: Record<string, AppConfig>,
  options: AppsUpOptions,
): Promise<RunningApp[]> {
  const waves = startOrder(apps);
  await ensureGiniDir(project.dir);
  const state = await readState(project.dir);
  const previous = new Map(state.apps.filter(isAlive).map((a) => [a.name, a]));
  // Every live app stays recorded, even one gini.yaml no longer lists, so `gini down` stops it.
  const recorded: AppState[] = state.apps.filter((a) => previous.has(a.name));
  const running: RunningApp[] = [];
  try {
    for (const wave of waves) {
      // allSettled: on a failure, every sibling must have finished launching before the cleanup
      // below looks at what runs, or a late one would be left behind.
      const settled = await Promise.allSettled(
        wave.map(async (name) => {
          const app = apps[name]!;
          const before = previous.get(name);
          if (before && options.detach && before.command === app.command) {
            options.onEvent({ type: "app-started", app: name, pid: before.pid, kept: true });
            running.push({ name, pid: before.pid, url: app.ready, exited: undefined });
            return;
          }
          if (app.image) {
            const id = await startContainerApp(options.docker, project, name, app, options.pull);
            options.onEvent({
              type: "app-started",
              app: name,
              container: id.slice(0, 12),
              kept: false,
            });
            running.push({ name, containerId: id, url: app.ready, exited: undefined });
            return waitContainerAppReady(name, app, id, options);
          }
          if (before) await stopTree(before.pid);
          await refuseTakenReadyUrl(name, app, options.probe);
          const launched = await launchApp({
            projectDir: project.dir,
            name,
            app,
            env: appEnv(name, app, "host"),
            detach: options.detach,
            ...(options.onLine ? { onLine: (l, s) => options.onLine!(name, l, s) } : {}),
          });
          running.push({ name, pid: launched.pid, url: app.ready, exited: launched.exited });
          const entry = {
            name,
            pid: launched.pid,
            startedAt: new Date().toISOString(),
            processStart: launched.processStart,
            command: app.command ?? "",
            logFile: launched.logFile,
          };
          recorded.splice(0, recorded.length, ...recorded.filter((a) => a.name !== name), entry);
          await writeState(project.dir, { apps: recorded });
          options.onEvent({ type: "app-started", app: name, pid: launched.pid, kept: false });
          await waitAppReady(name, app, launched.logFile, launched.exited, options);
        }),
      );
      const failed = settled.find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    }
  } catch (err) {
    const started = running.filter((r) => r.exited !== undefined);
    await Promise.all([
      ...started.map((r) => stopTree(r.pid!)),
      ...running
        .filter((r) => r.containerId)
        .map((r) => options.docker.removeContainer(r.containerId!, STOP_TIMEOUT_SECONDS)),
    ]);
    const left = recorded.filter((a) => !started.some((r) => r.name === a.name));
    await writeState(project.dir, { apps: left });
    throw err;
  }
  return running;
}

/** Waits for the app's ready URL; fails fast when the app exits first. */
async function waitAppReady(
  name: string,
  app: AppConfig,
  logFile: string,
  exited: Promise<AppExit>,
  options: AppsUpOptions,
): Promise<void> {
  let exit: AppExit | undefined;
  void exited.then((e) => (exit = e));
  const ms = await awaitReady(
    {
      label: `app ${name}`,
      url: app.ready,
      gone: async () =>
        exit &&
        `exited with ${exit.code !== null ? `code ${exit.code}` : exit.signal} before it was ready`,
      lastLines: () => tailLines(logFile, 15),
      hint: appHint(name),
    },
    options,
  );
  options.onEvent({ type: "app-ready", app: name, ms });
}

/** An app's ready URL must not answer before the app starts: something else holds its port. */
async function refuseTakenReadyUrl(name: string, app: AppConfig, probe: Probe): Promise<void> {
  if (!app.ready || !(await probe(app.ready)).ok) return;
  const port = new URL(app.ready).port || "80";
  throw new GiniError(
    `app ${name}: ${app.ready} already answers before ${name} started (port ${port} is taken)`,
    {
      hint: `stop what listens there (\`ss -ltnp 'sport = :${port}'\`) or change apps.${name} in gini.yaml`,
    },
  );
}

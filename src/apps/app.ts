import type { AppConfig, OtlpTransport, Project } from "../config/index.js";
import type { DockerClient, LogLine, LogOptions } from "../docker/index.js";
import type { Clock, Probe } from "../health/index.js";
import type { PullPolicy } from "../stack/index.js";
import type { OutputStream } from "./launch.js";
import type { AppRecords } from "./records.js";

/**
 * One app of the project: a definition that starts into a {@link StartedApp}, the way
 * testcontainers' GenericContainer starts into a StartedGenericContainer. There are two kinds,
 * HostApp (a shell command on the host) and ContainerApp (an image on gini-network); callers
 * use only this interface. (Doctor reads `kind` from AppFacts: where an app runs decides which
 * collector address it can reach.)
 */
export interface App {
  readonly name: string;
  readonly kind: "host" | "container";
  /** Its entry in gini.yaml, or the demo's. */
  readonly config: AppConfig;
  /** Where a user opens it: the origin of its ready URL, or null. */
  readonly url: string | null;
  /** Starts it (or keeps what an earlier detached `up` left running); does not wait for ready. */
  start(options: StartOptions, records: AppRecords): Promise<StartedApp>;
  /** Whether it runs, for `gini status`. */
  status(docker: DockerClient): Promise<AppStatus>;
  /** Whether it runs and with which environment, for `gini doctor`; no engine when it is down. */
  facts(docker: DockerClient | undefined, hostProcess: HostProcessReader): Promise<AppFacts>;
  /** True once it has output to show, i.e. it has run. */
  hasLog(docker: DockerClient): Promise<boolean>;
  /** Its output: the last lines, then (with follow) each new one until the signal aborts. */
  readLog(
    docker: DockerClient,
    options: LogOptions,
    onLine: (line: LogLine) => void,
    signal: AbortSignal,
  ): Promise<void>;
}

/** An app after {@link App.start}: a running process or container. */
export interface StartedApp {
  readonly name: string;
  readonly url: string | null;
  /** How the user finds it: its pid, or its container's short ID. */
  readonly id: { pid: number } | { container: string };
  /** True when an earlier detached `up` left it running and this one kept it as it was. */
  readonly kept: boolean;
  /**
   * For a process this `up` started (the ones a foreground `up` watches): resolves once it ends,
   * saying how ("code 3", "signal SIGTERM"). Undefined when gini cannot watch it end.
   */
  readonly exited: Promise<string> | undefined;
  /** Waits for its ready URL and returns the milliseconds it took; fails fast when it stops. */
  waitReady(): Promise<number>;
  /**
   * For a process this `up` started: stops it (unless it has exited) and launches it again as
   * configured, replacing its record; does not wait for ready. The signal aborts that wait later.
   */
  readonly restart?: (signal: AbortSignal) => Promise<StartedApp>;
  /** Stops its whole process tree and forgets it in the state file, or removes its container. */
  stop(graceMs?: number): Promise<void>;
  /** Its last lines of output, for error messages. */
  lastLines(count: number): Promise<string[]>;
}

/** `gini up`'s settings for apps, and the seams tests replace. */
export interface StartOptions {
  /** Detached apps outlive gini with output in `.gini/logs/`; else output goes to `onLine` too. */
  detach: boolean;
  /** How long each app may take to get ready. */
  timeoutMs: number;
  /** Where host apps reach the collector's published ports (see AppTarget). */
  publishedHost: string;
  /** For image apps. */
  docker: DockerClient;
  pull: PullPolicy;
  probe: Probe;
  clock: Clock;
  /** Aborted by Ctrl-C. */
  signal?: AbortSignal;
  onLine?: (app: string, line: string, stream: OutputStream) => void;
  onEvent: (e: AppEvent) => void;
}

/** Something the user should know that does not stop the command; the CLI prints it. */
export interface AppWarning {
  text: string;
  /** What the user can do about it. */
  hint: string;
}

/** What starting apps tells the CLI. */
export type AppEvent =
  | { type: "app-started"; app: string; pid?: number; container?: string; kept: boolean }
  | { type: "app-ready"; app: string; ms: number }
  | ({ type: "warning" } & AppWarning);

/** One app in `gini status`; part of the stable JSON document, so fields only get added. */
export interface AppStatus {
  name: string;
  /** The recorded pid, or null when the app was never started. */
  pid: number | null;
  /** "running", "exited" (recorded but gone, or the pid now belongs to another program) or "stopped". */
  state: "running" | "exited" | "stopped";
  /** Where to open it (the origin of its ready URL), or null. */
  url: string | null;
  startedAt: string | null;
  /** When it exited on its own: its exit code, if it could be read (host apps: from their log). */
  exitCode?: number | null;
  /** When it exited: the last lines of its output. */
  lastLines?: string[];
}

/** One app as `gini doctor` checks it: whether it runs, and how it exports spans. */
export interface AppFacts {
  name: string;
  kind: App["kind"];
  state: AppStatus["state"];
  /** Host apps: the recorded pid. */
  pid: number | null;
  /** Environments of the processes (or the container) that export spans; empty when unknown. */
  envs: Record<string, string>[];
  /** The service name its spans carry: OTEL_SERVICE_NAME as it runs, else as configured, else its name. */
  service: string;
  /** The OTLP transport gini.yaml's `otlp:` gives it (default grpc), which decides what gini injects. */
  otlp: OtlpTransport;
  /**
   * Its output since it last started, at most the last RECENT_LOG_LINES lines: where its SDK
   * reports failed exports. Empty when there is none or it cannot be read.
   */
  recentLog: string[];
}

/** What the state file and /proc say about a host app's process: the part of AppFacts tests fake. */
export type HostProcess = Pick<AppFacts, "state" | "pid" | "envs">;

/** Reads a host app's process; doctor's tests pass a fake. */
export type HostProcessReader = (project: Project, name: string) => Promise<HostProcess>;

/** Where a user opens an app: the origin of its ready URL. */
export function appUrl(app: AppConfig): string | null {
  if (!app.ready) return null;
  try {
    return new URL(app.ready).origin + "/";
  } catch {
    return null;
  }
}

/** The service name an app's spans carry unless its code sets another: its env's, or its name. */
export function configuredService(name: string, app: AppConfig): string {
  return app.env?.OTEL_SERVICE_NAME || name;
}

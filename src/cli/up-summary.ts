import type { AppEvent } from "../apps/index.js";
import type { Project } from "../config/index.js";
import { hostUrl, PORTS, type UpEvent } from "../stack/index.js";
import { bold, dim, note, ok, printWarning, say } from "./output.js";
import { pullRenderer } from "./pull-progress.js";

const ACTION_TEXT = {
  create: "created",
  recreate: "recreated",
  start: "started",
  keep: "running",
} as const;

/**
 * Prints `up`'s progress on stderr, so stdout keeps only the summary; with --verbose, how long
 * each phase took too (docs/performance.md reads them).
 */
export function progressPrinter(verbose = false): (e: UpEvent | AppEvent) => void {
  const drawPull = pullRenderer();
  const seconds = (ms: number) => dim(`(${(ms / 1000).toFixed(1)} s)`);
  return (e) => {
    if (e.type === "phase" && verbose) note(dim(`  ${e.phase}: ${Math.round(e.ms)} ms`));
    if (e.type === "warning") printWarning(e.text, "hint" in e ? e.hint : undefined);
    if (e.type === "pull") drawPull(e.event);
    if (e.type === "container") {
      const why = e.action === "recreate" ? dim(` (${e.reason})`) : "";
      note(`${ok("✔")} ${e.service} ${ACTION_TEXT[e.action]}${why}`);
    }
    if (e.type === "ready") note(`${ok("✔")} ${e.service} ready ${seconds(e.ms)}`);
    if (e.type === "app-started") {
      note(
        `${ok("✔")} app ${e.app} ${e.kept ? "already running" : "started"} ${dim(e.pid ? `(pid ${e.pid})` : `(container ${e.container})`)}`,
      );
    }
    if (e.type === "app-ready") note(`${ok("✔")} app ${e.app} ready ${seconds(e.ms)}`);
  };
}

/** The URLs of the stack on `publishedHost`, printed once it is ready. */
export function printStackSummary(project: Project, publishedHost: string): void {
  const url = (port: number, path?: string) => hostUrl(publishedHost, port, path);
  say(`${bold("SPM stack is up")} (project ${project.name})`);
  say(`  Jaeger UI    ${url(PORTS.jaegerUi)}`);
  say(`  Monitor tab  ${url(PORTS.jaegerUi, "/monitor")}`);
  say(`  Prometheus   ${url(PORTS.prometheus)}`);
  say(`  OTLP         gRPC ${url(PORTS.otlpGrpc, "")}, HTTP ${url(PORTS.otlpHttp, "")}`);
  if (project.bind === "0.0.0.0")
    say(dim("  ports are published on all interfaces (bind: 0.0.0.0)"));
}

/** The apps' URLs and what to do next. */
export function printAppsSummary(
  apps: { name: string; url: string | null }[],
  detach: boolean,
): void {
  for (const app of apps) say(`  app ${app.name.padEnd(8)} ${app.url ?? dim("(no ready URL)")}`);
  if (detach) {
    say(
      dim(
        "Apps run in the background: `gini logs <app>` shows their output, `gini down` stops everything.",
      ),
    );
  } else {
    say(dim("Streaming app output; Ctrl-C stops the apps (the stack keeps running)."));
  }
}

/** `up --no-apps`: where the user's own apps should export. */
export function printNoApps(otlpEndpoint: string): void {
  say(
    dim(
      `Apps not started (--no-apps): point yours at OTEL_EXPORTER_OTLP_ENDPOINT=${otlpEndpoint}.`,
    ),
  );
}

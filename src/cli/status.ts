import { stripVTControlCharacters } from "node:util";

import type { Command } from "commander";

import type { ServiceStatus } from "../stack/index.js";
import { printable } from "../text/index.js";
import { engineOptions, globalOptions } from "./global-options.js";
import { bad, bold, dim, ok, say, warn } from "./output.js";
import { reachStack } from "./reach-stack.js";

function ports(s: ServiceStatus): string {
  return s.ports.map((p) => `${p.hostIp}:${p.host}→${p.container}`).join(", ") || "-";
}

function stateText(state: string): string {
  if (state === "running") return ok(state);
  return state === "missing" || state === "stopped" ? dim(state) : bad(state);
}

/** Prints aligned columns; widths ignore colour codes. */
function table(header: string[], rows: string[][]): void {
  const plain = (t: string) => stripVTControlCharacters(t);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => plain(r[i]!).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + " ".repeat(widths[i]! - plain(c).length))
      .join("  ")
      .trimEnd();
  say(bold(line(header)));
  for (const row of rows) say(line(row));
}

function healthText(s: ServiceStatus): string {
  return s.health === "healthy"
    ? ok(s.health)
    : s.health === "unhealthy"
      ? warn(s.health)
      : dim(s.health);
}

/** Under a table: the last lines of what restarted or exited, where gini could read them. */
function lastLinesOf(items: { name: string; lastLines?: string[] }[]): void {
  for (const item of items.filter((x) => x.lastLines?.length)) {
    say(dim(`${item.name}'s last lines (\`gini logs ${item.name}\` shows more):`));
    for (const line of item.lastLines!) say(dim(`  | ${line}`));
  }
}

/** `gini status`: a table of the stack, or a stable JSON document. */
export function registerStatus(program: Command): void {
  program
    .command("status")
    .description("show the state, health, ports and URL of each service")
    .option("--json", "print a JSON document")
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const [{ loadProject }, { status, realRuntime }, { appsStatus }, { appServices }] =
        await Promise.all([
          import("../config/index.js"),
          import("../stack/index.js"),
          import("../apps/index.js"),
          import("../red/index.js"),
        ]);
      const project = await loadProject(globalOptions(cmd));
      const { publishedHost } = await reachStack(cmd, project);
      const { docker, probe } = realRuntime(engineOptions(cmd));
      const [stack, apps, sent] = await Promise.all([
        status(project, docker, probe, publishedHost),
        appsStatus(project, docker),
        appServices(project, publishedHost),
      ]);
      // Each app's services as its span metrics name them (gini_app): empty until spans arrive.
      const withServices = apps.map((a) => ({ ...a, services: sent?.[a.name] ?? [] }));
      const result = { ...stack, apps: withServices };
      if (flags.json) {
        say(JSON.stringify(result, null, 2));
        return;
      }
      const { engine } = result;
      say(
        `engine ${engine.name} ${engine.version} at ${engine.endpoint} ${dim(`(${engine.source})`)}`,
      );
      say(`project ${bold(result.project)}, network ${result.network ?? dim("none")}`);
      table(
        ["SERVICE", "STATE", "HEALTH", "RESTARTS", "PORTS", "URL"],
        result.services.map((s) => [
          s.name,
          stateText(s.state),
          healthText(s),
          s.restartCount > 0 ? warn(String(s.restartCount)) : String(s.restartCount),
          ports(s),
          s.url ?? "-",
        ]),
      );
      lastLinesOf(result.services);
      say();
      table(
        ["APP", "STATE", "PID", "URL", "SERVICES"],
        result.apps.map((a) => [
          a.name,
          a.state === "exited" && a.exitCode != null
            ? bad(`exited (code ${a.exitCode})`)
            : stateText(a.state),
          a.pid ? String(a.pid) : "-",
          a.url ?? "-",
          printable(a.services.join(", ")) || "-",
        ]),
      );
      lastLinesOf(result.apps);
    });
}

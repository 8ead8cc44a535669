import type { Project } from "../config/index.js";
import {
  LABEL_PROJECT,
  NETWORK,
  otherFolder,
  otherFolderError,
  type ServiceDefinition,
  SERVICES,
} from "../stack/index.js";
import { plural, pluralS } from "../text/index.js";
import {
  type Check,
  type CheckGroup,
  checksOf,
  type DoctorContext,
  type ServiceContainer,
} from "./types.js";

const check = checksOf("containers");

/** The container is missing, another project's, or not running: one failed check saying which. */
function unusable(s: ServiceDefinition, c: ServiceContainer, project: Project): Check | undefined {
  const id = `container.${s.name}`;
  if (!c.info) return check(id, "fail", `${s.name}: no container`, "`gini up` creates it");
  if (c.foreign) {
    const owner = c.info.labels[LABEL_PROJECT];
    const folder = otherFolder(c.info.labels, project);
    if (folder) {
      const { message, hint } = otherFolderError(
        `${s.name}: the container of that name belongs to gini project "${owner}" in another folder, ${folder}`,
        folder,
      );
      return check(id, "fail", message, hint ?? null);
    }
    return check(
      id,
      "fail",
      `${s.name}: the container of that name belongs to ${owner ? `gini project "${owner}"` : "something gini did not create"}`,
      owner ? `run \`gini down\` in project "${owner}"` : `remove it: \`docker rm -f ${s.name}\``,
    );
  }
  if (c.running) return undefined;
  const d = c.details;
  const why = [
    d ? `exit code ${d.exitCode}` : "",
    d?.restartCount ? `restarted ${plural(d.restartCount, "time")}` : "",
    d?.oomKilled ? "killed for lack of memory (OOM)" : "",
    d?.error ?? "",
  ].filter(Boolean);
  return check(
    id,
    "fail",
    `${s.name} is ${d?.state ?? c.info.state}${why.length ? ` (${why.join(", ")})` : ""}`,
    `\`gini logs ${s.name}\` shows why; \`gini up\` starts it again`,
  );
}

/** A running container: its restarts, network, published ports and bind address. */
function runningChecks(s: ServiceDefinition, c: ServiceContainer, bind: string): Check[] {
  const id = `container.${s.name}`;
  const logs = `\`gini logs ${s.name}\` shows why`;
  const d = c.details;
  const info = c.info!;
  const checks: Check[] = [];
  if (d && d.restartCount > 0) {
    checks.push(
      check(
        `${id}.restarts`,
        "warn",
        `${s.name} restarted ${plural(d.restartCount, "time")}${d.oomKilled ? ", last time killed for lack of memory (OOM)" : ""}`,
        d.oomKilled ? `give Docker more memory; ${logs}` : logs,
      ),
    );
  }
  const networks = d ? d.networks.map((n) => n.name) : info.networks;
  if (!networks.includes(NETWORK)) {
    checks.push(
      check(
        `${id}.network`,
        "fail",
        `${s.name} is not attached to ${NETWORK}, so the other services cannot reach it as "${s.name}"${networks.length === 0 ? " (and, on no network, it publishes no ports)" : ""}`,
        `\`docker network connect --alias ${s.name} ${NETWORK} ${s.name}\`, or \`gini down && gini up\``,
      ),
    );
  }
  const published = d?.ports.length ? d.ports : info.ports;
  const missing = s.ports.filter((p) => !published.some((q) => q.container === p && q.host === p));
  if (missing.length > 0 && networks.includes(NETWORK)) {
    checks.push(
      check(
        `${id}.ports`,
        "fail",
        `${s.name} does not publish port${pluralS(missing.length)} ${missing.join(", ")} on the host`,
        "`gini down && gini up` recreates it with the ports gini expects",
      ),
    );
  }
  const exposed = published.filter(
    (p) => bind === "127.0.0.1" && p.hostIp !== "127.0.0.1" && p.hostIp !== "",
  );
  if (exposed.length > 0) {
    checks.push(
      check(
        `${id}.bind`,
        "warn",
        `${s.name} publishes ${exposed.map((p) => `${p.hostIp}:${p.host}`).join(", ")}, beyond 127.0.0.1`,
        "`gini down && gini up` publishes on 127.0.0.1 only (or set `bind: 0.0.0.0` in gini.yaml if intended)",
      ),
    );
  }
  return checks;
}

function serviceChecks(s: ServiceDefinition, c: ServiceContainer, project: Project): Check[] {
  const failed = unusable(s, c, project);
  if (failed) return [failed];
  const checks = runningChecks(s, c, project.bind);
  if (checks.every((x) => x.status !== "fail")) {
    checks.unshift(
      check(
        `container.${s.name}`,
        "pass",
        `${s.name} running (${c.info!.image}), on ${NETWORK}, ports ${s.ports.join(", ")}`,
        null,
      ),
    );
  }
  return checks;
}

/** 2. Each container exists, runs, is on gini-network, publishes its ports; restarts and OOM kills. */
export const checkContainers: CheckGroup = (ctx) => Promise.resolve(containerChecks(ctx));

function containerChecks(ctx: DoctorContext): Check[] {
  if (!ctx.engineOk) {
    return [check("containers", "skip", "not checked: the Docker engine did not answer", null)];
  }
  const all = SERVICES.map((s) => ctx.services[s.name]);
  if (all.every((c) => !c.info)) {
    return [
      check(
        "containers",
        "fail",
        "the stack is not up: no otel-collector, jaeger or prometheus container",
        "`gini up` starts it",
      ),
    ];
  }
  return SERVICES.flatMap((s) => serviceChecks(s, ctx.services[s.name], ctx.project));
}

import type { ContainerInfo } from "../docker/index.js";
import { SERVICES } from "../stack/index.js";
import { pluralS } from "../text/index.js";
import type { PortOwner } from "./port-owner.js";
import { type Check, type CheckGroup, checksOf } from "./types.js";

const check = checksOf("ports");

function takenBy(
  port: number,
  service: string,
  owner: PortOwner | undefined,
  container: ContainerInfo | undefined,
): Check {
  const what = `host port ${port} (${service}) is taken`;
  const id = `port.${port}`;
  if (container) {
    return check(
      id,
      "fail",
      `${what} by container "${container.name}" (${container.image})`,
      `stop it (\`docker stop ${container.name}\`) or \`gini down\` in the project it belongs to`,
    );
  }
  if (owner?.command && /(^|\/)docker-proxy\b/.test(owner.command)) {
    return check(
      id,
      "fail",
      `${what} by docker-proxy (pid ${owner.pid}): another container publishes it`,
      `\`docker ps --filter publish=${port}\` shows which; stop it`,
    );
  }
  if (owner?.pid) {
    return check(
      id,
      "fail",
      `${what} by pid ${owner.pid}: ${owner.command || "(no command line)"}`,
      `stop that process (\`kill ${owner.pid}\`), then \`gini up\``,
    );
  }
  return check(
    id,
    "fail",
    `${what} by a process gini cannot see${owner ? " (another user's)" : ""}`,
    `\`sudo ss -ltnp 'sport = :${port}'\` shows what listens there; stop it`,
  );
}

/** 3. When (part of) the stack is down: which of its host ports are taken, and by whom. */
export const checkHostPorts: CheckGroup = async (ctx) => {
  const down = SERVICES.filter((s) => !ctx.engineOk || !ctx.services[s.name].running);
  if (down.length === 0) {
    return [check("ports", "pass", "the stack runs: its containers hold its host ports", null)];
  }
  if (ctx.remoteHost) {
    const what = `the engine is remote: the stack's host ports are on ${ctx.remoteHost}`;
    return [
      check("ports", "skip", `${what}, not this machine's (\`gini up\` reports a taken one)`, null),
    ];
  }
  const wanted = down.flatMap((s) => s.ports.map((port) => ({ port, service: s.name })));
  const free = await Promise.all(wanted.map((w) => ctx.portFree(ctx.project.bind, w.port)));
  const taken = wanted.filter((_, i) => !free[i]);
  if (taken.length === 0) {
    return [
      check(
        "ports",
        "pass",
        `host port${pluralS(wanted.length)} ${wanted.map((w) => w.port).join(", ")} ${wanted.length > 1 ? "are" : "is"} free on ${ctx.project.bind}`,
        null,
      ),
    ];
  }
  const containers = ctx.engineOk ? await ctx.docker.listContainers({}).catch(() => []) : [];
  return Promise.all(
    taken.map(async ({ port, service }) => {
      const container = containers.find(
        (c) => c.state === "running" && c.ports.some((p) => p.host === port),
      );
      const owner = container ? undefined : await ctx.portOwner(port);
      return takenBy(port, service, owner, container);
    }),
  );
};

// How the engine's documents (as dockerode types them) become gini's container types.
import type Docker from "dockerode";

import { envFromEntries } from "../text/index.js";
import type { ContainerDetails, ContainerInfo, PortBinding } from "./types.js";

/** A container as listed by the engine, in gini's terms. */
export function toInfo(c: Docker.ContainerInfo): ContainerInfo {
  const ports: PortBinding[] = (c.Ports ?? [])
    .filter((p) => p.PublicPort !== undefined && p.Type === "tcp")
    .map((p) => ({ container: p.PrivatePort, hostIp: p.IP ?? "", host: p.PublicPort }));
  return {
    id: c.Id,
    name: (c.Names[0] ?? "").replace(/^\//, ""),
    image: c.Image,
    imageId: c.ImageID,
    state: c.State,
    labels: c.Labels ?? {},
    // IPv4 and IPv6 bindings of the same port are listed twice by the engine.
    ports: ports.filter(
      (p, i) => ports.findIndex((q) => q.container === p.container && q.host === p.host) === i,
    ),
    networks: Object.keys(c.NetworkSettings?.Networks ?? {}),
    networkIds: Object.values(c.NetworkSettings?.Networks ?? {})
      .map((n) => n.NetworkID)
      .filter(Boolean),
  };
}

/** A container as inspected by the engine, in gini's terms. */
export function toDetails(c: Docker.ContainerInspectInfo): ContainerDetails {
  const env = envFromEntries(c.Config?.Env ?? []);
  const ports: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(c.NetworkSettings?.Ports ?? {})) {
    const [port, proto] = key.split("/");
    if (proto !== "tcp") continue;
    for (const b of bindings ?? []) {
      const p = { container: Number(port), hostIp: b.HostIp ?? "", host: Number(b.HostPort) };
      if (!ports.some((q) => q.container === p.container && q.host === p.host)) ports.push(p);
    }
  }
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ""),
    state: c.State?.Status ?? "",
    restartCount: c.RestartCount ?? 0,
    oomKilled: c.State?.OOMKilled ?? false,
    exitCode: c.State?.ExitCode ?? 0,
    error: c.State?.Error ?? "",
    startedAt: c.State?.StartedAt ?? "",
    finishedAt: c.State?.FinishedAt ?? "",
    env,
    networks: Object.entries(c.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
      name,
      // @types/dockerode leaves Aliases untyped; the engine sends a list of names, or null.
      aliases: (n?.Aliases as string[] | null | undefined) ?? [],
    })),
    ports,
  };
}

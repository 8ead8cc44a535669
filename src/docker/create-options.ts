// How gini's ContainerSpec becomes the engine's create request, as dockerode types it. Apart from
// the client so that what every container gets (read-only configs, no privilege gain, the restart
// policy) is tested without an engine.
import type Docker from "dockerode";

import type { ContainerSpec } from "./types.js";

const tcp = (port: number) => `${port}/tcp`;

/**
 * The create options of a container: its config files bound read-only, `no-new-privileges`, the
 * spec's restart policy (none without one), its network with the aliases, its labels and env, and
 * each port published on the host IP the spec gives (the bind address).
 */
export function toCreateOptions(spec: ContainerSpec): Docker.ContainerCreateOptions {
  return {
    name: spec.name,
    Image: spec.image,
    ...(spec.command ? { Cmd: spec.command } : {}),
    Labels: spec.labels,
    Env: Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${v}`),
    ExposedPorts: Object.fromEntries(spec.ports.map((p) => [tcp(p.container), {}])),
    HostConfig: {
      PortBindings: Object.fromEntries(
        spec.ports.map((p) => [tcp(p.container), [{ HostIp: p.hostIp, HostPort: String(p.host) }]]),
      ),
      // Mounts, not Binds strings: a `:` in the project's path would split a Binds entry.
      Mounts: spec.mounts.map((m) => ({
        Type: "bind" as const,
        Source: m.source,
        Target: m.target,
        ReadOnly: true,
      })),
      NetworkMode: spec.network,
      SecurityOpt: ["no-new-privileges"],
      ...(spec.restart
        ? {
            RestartPolicy: { Name: spec.restart.name, MaximumRetryCount: spec.restart.maxRetries },
          }
        : {}),
    },
    NetworkingConfig: { EndpointsConfig: { [spec.network]: { Aliases: spec.aliases } } },
  };
}

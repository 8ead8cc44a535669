import type { DockerClient } from "../docker/client.js";
import { GiniError } from "../errors.js";
import type { Clock } from "../health/clock.js";
import type { Probe } from "../health/http-probe.js";
import { waitUntil } from "../health/wait.js";
import type { ServiceDefinition } from "./services.js";

/** The probe, clock and limits readiness uses; tests inject fakes. */
export interface ReadinessOptions {
  probe: Probe;
  clock: Clock;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The URL gini probes for a service; always loopback, whatever the bind address. */
export function readyUrl(service: ServiceDefinition): string {
  return `http://127.0.0.1:${service.ready.port}${service.ready.path}`;
}

/** The container's last lines of output, for error messages. */
export async function lastLines(docker: DockerClient, id: string, count = 15): Promise<string[]> {
  const lines: string[] = [];
  try {
    await docker.logs(id, { tail: count }, (line) => lines.push(line.text));
  } catch {
    // The container may be gone already; the error message matters more than its logs.
  }
  return lines;
}

/**
 * Waits until the service answers its readiness probe. Fails fast when its container stops, and
 * at the deadline; either way with the container's last log lines.
 */
export async function waitReady(
  docker: DockerClient,
  service: ServiceDefinition,
  containerId: string,
  { probe, clock, timeoutMs, signal }: ReadinessOptions,
): Promise<number> {
  const started = clock.now();
  const url = readyUrl(service);
  let stopped: string | undefined;
  const result = await waitUntil(
    async () => {
      const seen = await probe(url);
      if (seen.ok) return seen;
      const c = await docker.findContainer(service.name);
      if (!c || c.id !== containerId || c.state !== "running") {
        stopped = c ? `its container is ${c.state}` : "its container was removed";
        return { ok: true, detail: stopped };
      }
      return seen;
    },
    { timeoutMs, intervalMs: 50, clock, ...(signal ? { signal } : {}) },
  );
  if (result.ok && !stopped) return clock.now() - started;
  const why = stopped ?? `GET ${url} → ${result.detail}`;
  throw new GiniError(
    `${service.name} did not get ready${stopped ? "" : ` within ${Math.round(timeoutMs / 1000)} s`}: ${why}`,
    `its last log lines are above; \`gini logs ${service.name}\` shows more, \`gini down\` removes the stack`,
    1,
    { details: await lastLines(docker, containerId) },
  );
}

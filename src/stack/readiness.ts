import type { DockerClient } from "../docker/index.js";
import { GiniError } from "../errors.js";
import { type Clock, type Probe, waitUntil } from "../health/index.js";
import type { StackLocation } from "./remote-engine.js";
import { probeUrl, type ServiceDefinition } from "./services.js";

/** The probe, clock and limits readiness uses; tests inject fakes. */
export interface ReadinessOptions {
  probe: Probe;
  clock: Clock;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The URL gini probes for a service, on `publishedHost` (see probeUrl). */
export function readyUrl(service: ServiceDefinition, publishedHost: string): string {
  return probeUrl(publishedHost, service.ready.port, service.ready.path);
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

/** How often a failing wait asks whether its target is still there. */
const GONE_CHECK_MS = 500;

/** Something `up` waits for: a service's container, an app's process or an app's container. */
export interface ReadyTarget {
  /** How messages name it: "prometheus", "app api". */
  label: string;
  /** Answers 2xx once ready; without one, running is ready enough. */
  url: string | undefined;
  /** Says why it can no longer get ready ("exited with code 3 ..."), or undefined while it runs. */
  gone: () => Promise<string | undefined>;
  /** Its last output lines, shown with the error. */
  lastLines: () => Promise<string[]>;
  hint: string;
}

/**
 * Waits until the target's URL answers, failing fast when the target goes away and at the
 * deadline, either way with its last output lines. Returns how long it took.
 */
export async function awaitReady(
  target: ReadyTarget,
  { probe, clock, timeoutMs, signal }: ReadinessOptions,
): Promise<number> {
  const started = clock.now();
  const url = target.url;
  let gone: string | undefined;
  let lookedAt = -Infinity;
  const result = url
    ? await waitUntil(
        async () => {
          const seen = await probe(url);
          if (seen.ok) return seen;
          // Asking the engine is dearer than a probe and competes with the starts still running.
          if (clock.now() - lookedAt < GONE_CHECK_MS) return seen;
          lookedAt = clock.now();
          gone = await target.gone();
          return gone ? { ok: true, detail: gone } : seen;
        },
        { timeoutMs, intervalMs: 50, clock, ...(signal ? { signal } : {}) },
      )
    : { ok: true, detail: "" };
  if (result.ok && !gone) return clock.now() - started;
  const why =
    gone ??
    `did not get ready within ${Math.round(timeoutMs / 1000)} s: GET ${url} → ${result.detail}`;
  throw new GiniError(`${target.label} ${why}`, {
    hint: target.hint,
    details: await target.lastLines(),
  });
}

/**
 * Waits for a service's readiness probe where `location` says its ports are; its container
 * stopping fails the wait at once.
 */
export function waitReady(
  docker: DockerClient,
  service: ServiceDefinition,
  containerId: string,
  location: StackLocation,
  options: ReadinessOptions,
): Promise<number> {
  const logs = `its last log lines are above; \`gini logs ${service.name}\` shows more, \`gini down\` removes the stack`;
  return awaitReady(
    {
      label: service.name,
      url: readyUrl(service, location.publishedHost),
      gone: containerGone(docker, containerId),
      lastLines: () => lastLines(docker, containerId),
      // Through a tunnel, the likeliest cause is that it does not run.
      hint: location.remote?.tunnel
        ? `gini reaches the remote stack through the SSH tunnel printed above: start it, then \`gini up\` again; ${logs}`
        : logs,
    },
    options,
  );
}

/**
 * How recent a restarted container's last start must be for it to count as crash-looping. The
 * engine restarts a crashing service within seconds (back-off from 100 ms, at most 5 retries).
 */
const CRASH_LOOP_WINDOW_MS = 10_000;

/**
 * A check for the readiness wait: "did not get ready: its container is exited" once the container
 * no longer runs, or once the engine has restarted it since the wait began (it crashed: waiting
 * would only repeat that). Restarts from before the wait are history: a container that crashed on
 * a config the user has since fixed may well come up now. One still crash-looping when the wait
 * began gets one restart more: its current run read the config before the fix and crashes once
 * more; the engine's next start reads the fixed file.
 */
export function containerGone(
  docker: DockerClient,
  id: string,
  now: () => number = Date.now,
): () => Promise<string | undefined> {
  let allowed: number | undefined;
  return async () => {
    const c = await docker.inspectContainer(id);
    if (allowed === undefined) {
      const restarts = c?.restartCount ?? 0;
      const looping = restarts > 0 && now() - Date.parse(c?.startedAt ?? "") < CRASH_LOOP_WINDOW_MS;
      allowed = restarts + (looping ? 1 : 0);
    }
    if (c?.state === "running" && c.restartCount <= allowed) return undefined;
    if (c?.state === "restarting" && c.restartCount < allowed) return undefined;
    if (!c) return "did not get ready: its container was removed";
    if (c.state !== "restarting" && c.state !== "running") {
      return `did not get ready: its container is ${c.state}`;
    }
    return `did not get ready: its container exited (code ${c.exitCode}) and the engine restarts it`;
  };
}

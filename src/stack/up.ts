import type { Project } from "../config/index.js";
import { assertValid, formatFinding } from "../config/index.js";
import { type DockerClient, whilePinging } from "../docker/index.js";
import type { Clock, Probe } from "../health/index.js";
import { containerSpec, imageFor } from "./container-spec.js";
import { ensureNetwork } from "./network.js";
import { type Action, applyStep, planStep, type Step } from "./plan.js";
import { checkOwnership, checkPorts } from "./preflight.js";
import { ensureImages, type PullEvent, type PullPolicy } from "./pull.js";
import { waitReady } from "./readiness.js";
import type { StackLocation } from "./remote-engine.js";
import { NETWORK, SERVICES } from "./services.js";

/** Flags of `gini up` that shape the stack, plus the seams tests replace. */
export interface UpOptions {
  pull: PullPolicy;
  timeoutSeconds: number;
  docker: DockerClient;
  probe: Probe;
  clock: Clock;
  /** True when nothing listens on host:port. */
  portFree: (host: string, port: number) => Promise<boolean>;
  /**
   * Where the published ports are: readiness is probed there, and this machine's ports are
   * checked only when they are the ones the engine binds (on a remote engine, it reports a taken
   * port itself when the container starts).
   */
  location: StackLocation;
  /** Aborted by Ctrl-C. */
  signal?: AbortSignal;
}

/** What `up` tells the CLI while it works. */
export type UpEvent =
  | { type: "warning"; text: string }
  | { type: "pull"; event: PullEvent }
  | { type: "container"; service: string; action: Action; reason: string }
  | { type: "ready"; service: string; ms: number }
  /** How long one phase took, for `up --verbose`; per service phases name the service. */
  | { type: "phase"; phase: string; ms: number };

/** One service after `up`. */
export interface UpService {
  name: string;
  action: Action;
  containerId: string;
}

/** Runs one phase of `up` and reports how long it took, failed or not (`up --verbose`). */
export function phaseTimer(now: () => number, onEvent: (e: UpEvent) => void) {
  return async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = now();
    try {
      return await work();
    } finally {
      onEvent({ type: "phase", phase, ms: now() - started });
    }
  };
}

/**
 * Brings the stack to the wanted state: preflight (engine, configs, names, ports) before anything
 * is created, then images, network and containers concurrently, then every readiness probe.
 * Everything it creates is labelled, so a failure or Ctrl-C halfway leaves nothing that the next
 * `up` or `down` cannot handle.
 */
export async function up(
  project: Project,
  options: UpOptions,
  onEvent: (e: UpEvent) => void,
): Promise<UpService[]> {
  const { docker, signal } = options;
  const timed = phaseTimer(() => options.clock.now(), onEvent);
  const findings = await timed("validate", () => assertValid(project));
  for (const f of findings) onEvent({ type: "warning", text: formatFinding(f) });
  const [existing, networks] = await timed("engine: ping, containers, networks", () =>
    whilePinging(docker, () =>
      Promise.all([
        Promise.all(SERVICES.map((s) => docker.findContainer(s.name))),
        docker.networksNamed(NETWORK),
      ]),
    ),
  );
  checkOwnership(project, existing, networks);
  signal?.throwIfAborted();

  const wanted = new Map(SERVICES.map((s) => [imageFor(s, project), s.name]));
  const imageIds = await timed("images", () =>
    ensureImages(docker, wanted, options.pull, (event) => onEvent({ type: "pull", event })),
  );
  const steps: Step[] = await timed("plan, port check", async () => {
    const planned = await Promise.all(
      SERVICES.map(async (s, i) =>
        planStep(await containerSpec(s, project, imageIds.get(imageFor(s, project))!), existing[i]),
      ),
    );
    if (!options.location.remote) await checkPorts(project, planned, options.portFree);
    return planned;
  });
  signal?.throwIfAborted();

  await timed("network", () => ensureNetwork(docker, project, networks, existing));
  // Each service is probed as soon as its container runs: the engine starts containers largely
  // one after another, so the first ones get ready while the last still start.
  // The first failure stops the other waits too, so gini does not linger after its error.
  const waits = new AbortController();
  const forward = () => waits.abort(signal?.reason);
  signal?.addEventListener("abort", forward, { once: true });
  const readiness = { ...options, signal: waits.signal, timeoutMs: options.timeoutSeconds * 1000 };
  const ids = await Promise.all(
    steps.map(async (step, i) => {
      const { name } = step.spec;
      const id = await applyStep(docker, step, (phase, work) => timed(`${name}: ${phase}`, work));
      onEvent({ type: "container", service: name, action: step.action, reason: step.reason });
      const ms = await waitReady(docker, SERVICES[i]!, id, options.location, readiness);
      onEvent({ type: "ready", service: name, ms });
      return id;
    }),
  )
    .catch((err: unknown) => {
      waits.abort(err);
      throw err;
    })
    .finally(() => signal?.removeEventListener("abort", forward));
  return steps.map((step, i) => ({
    name: step.spec.name,
    action: step.action,
    containerId: ids[i]!,
  }));
}

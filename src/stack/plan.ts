import type { ContainerInfo, ContainerSpec, DockerClient } from "../docker/index.js";
import { GiniError } from "../errors.js";
import { LABEL_SERVICE, LABEL_SPEC_HASH, removesVolumes } from "./labels.js";
import { NETWORK, STOP_TIMEOUT_SECONDS } from "./services.js";

/** What `up` does to one service's container. */
export type Action = "create" | "recreate" | "start" | "keep";

/** One service's step, with the reason shown to the user. */
export interface Step {
  spec: ContainerSpec;
  existing: ContainerInfo | undefined;
  action: Action;
  reason: string;
}

/**
 * Decides, per container, the least work that yields the wanted spec: keep a running container
 * whose spec hash matches and that is still on gini-network, start a stopped one, recreate a
 * changed or crash-looping one and create a missing one.
 */
export function planStep(spec: ContainerSpec, existing: ContainerInfo | undefined): Step {
  const step = (action: Action, reason: string): Step => ({ spec, existing, action, reason });
  if (!existing) return step("create", "not found");
  if (existing.labels[LABEL_SPEC_HASH] !== spec.labels[LABEL_SPEC_HASH]) {
    return step("recreate", "image, ports, mounts, command or config changed");
  }
  if (existing.state === "running" && !existing.networks.includes(NETWORK)) {
    return step("recreate", `not attached to ${NETWORK}`);
  }
  // The engine is waiting to restart a crashed one: it cannot be started (304), and its backoff
  // may run for minutes, so a fresh container is the quick way back.
  if (existing.state === "restarting") return step("recreate", "crashing and being restarted");
  if (existing.state !== "running") return step("start", `was ${existing.state}`);
  return step("keep", "up to date");
}

/** Runs one engine call of a step; `up --verbose` times them. */
export type StepTimer = <T>(
  phase: "remove" | "create" | "start",
  work: () => Promise<T>,
) => Promise<T>;

const untimed: StepTimer = (_phase, work) => work();

/** Carries out one step and returns the container's ID. */
export async function applyStep(
  docker: DockerClient,
  step: Step,
  timed: StepTimer = untimed,
): Promise<string> {
  const { spec, existing, action } = step;
  if (existing && action === "keep") return existing.id;
  if (existing && action === "start") {
    await timed("start", () => docker.startContainer(existing.id));
    return existing.id;
  }
  if (existing) {
    await timed("remove", () =>
      docker.removeContainer(existing.id, STOP_TIMEOUT_SECONDS, {
        volumes: removesVolumes(existing.labels, false),
      }),
    );
  }
  const id = await timed("create", () => docker.createContainer(spec));
  try {
    await timed("start", () => docker.startContainer(id));
  } catch (err) {
    throw new GiniError(`starting ${spec.name} failed: ${(err as Error).message.split("\n")[0]}`, {
      hint: `\`gini logs ${spec.labels[LABEL_SERVICE] ?? spec.name}\` shows its output; \`gini down\` removes the stack`,
      cause: err,
    });
  }
  return id;
}

import type { ContainerInfo, ContainerSpec } from "../docker/types.js";
import { LABEL_SPEC_HASH, NETWORK } from "./labels.js";

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
 * changed one and create a missing one.
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
  if (existing.state !== "running") return step("start", `was ${existing.state}`);
  return step("keep", "up to date");
}

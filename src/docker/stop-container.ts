import type { Readable } from "node:stream";

import type Docker from "dockerode";

import { isNotFound, isNotModified } from "./engine-errors.js";

/**
 * Stops a container (SIGTERM, SIGKILL after `graceSeconds`) and calls `onExit` as soon as its
 * process has exited: the engine's "die" event, which comes well before the stop call returns
 * (the engine first tears down the container's network and published ports, ~0.3 s for the
 * collector's five). Whatever waits only for the process, not for the clean-up, can go on.
 * Resolves when the stop call returns; false when there was no container to stop.
 */
export async function stopContainer(
  docker: Docker,
  id: string,
  graceSeconds: number,
  onExit: () => void,
): Promise<boolean> {
  // Subscribed before the stop is sent, so the event cannot pass unseen; without events (an
  // engine that refuses them) the stop call's return is the exit.
  const events = (await docker
    .getEvents({ filters: { type: ["container"], container: [id], event: ["die"] } })
    .catch(() => undefined)) as Readable | undefined;
  events?.once("data", onExit);
  events?.on("error", () => undefined);
  try {
    await docker.getContainer(id).stop({ t: graceSeconds });
  } catch (err) {
    if (isNotFound(err)) return false;
    if (!isNotModified(err)) throw err; // already stopped
  } finally {
    events?.destroy();
    onExit();
  }
  return true;
}

import type { DockerClient } from "./client.js";

/**
 * Runs `work` (engine calls) alongside the engine's ping instead of after it: one round trip
 * less on every command. When the engine does not answer, the ping's error, which says where
 * gini looked and what to do, is the one thrown, not whatever the work's calls failed with.
 */
export async function whilePinging<T>(
  docker: Pick<DockerClient, "ping">,
  work: () => Promise<T>,
): Promise<T> {
  const result = work();
  // Handled here so that a failure while the ping is pending is no unhandled rejection; it is
  // still thrown below when the ping succeeds.
  result.catch(() => undefined);
  await docker.ping();
  return result;
}

import type { Project } from "../config/index.js";
import type { DockerClient } from "../docker/index.js";
import { errorMessage, GiniError } from "../errors.js";
import { LABEL_SERVICE, projectSelector, removesVolumes } from "./labels.js";
import { STOP_TIMEOUT_SECONDS } from "./services.js";

/** What `down` removed; both empty means nothing was up. */
export interface DownResult {
  containers: string[];
  networks: string[];
}

/** Flags of `gini down`. */
export interface DownOptions {
  /** Remove image apps' anonymous volumes too (`--volumes`); the stack's go anyway. */
  volumes?: boolean;
}

/**
 * Removes every container and network labelled with the project (image apps' containers too),
 * found by label so it works after a crash and without a state file. Containers go
 * concurrently; networks after them.
 */
export async function down(
  project: Project,
  docker: DockerClient,
  options: DownOptions = {},
): Promise<DownResult> {
  await docker.ping();
  const selector = projectSelector(project.name);
  const containers = await docker.listContainers(selector);
  await Promise.all(
    containers.map((c) =>
      docker.removeContainer(c.id, STOP_TIMEOUT_SECONDS, {
        volumes: removesVolumes(c.labels, options.volumes ?? false),
      }),
    ),
  );
  const networks = await docker.listNetworks(selector);
  for (const n of networks) {
    try {
      await docker.removeNetwork(n.name);
    } catch (err) {
      throw new GiniError(
        `removing network ${n.name} failed: ${errorMessage(err).split("\n")[0]}`,
        {
          hint: `a container gini did not start may still use it: \`docker network inspect ${n.name}\` lists them`,
          cause: err,
        },
      );
    }
  }
  return {
    containers: containers.map((c) => c.labels[LABEL_SERVICE] ?? c.name),
    networks: networks.map((n) => n.name),
  };
}

import type { Project } from "../config/load.js";
import type { DockerClient } from "../docker/client.js";
import { downApps } from "./apps-status.js";
import { GiniError, errorMessage } from "../errors.js";
import { LABEL_SERVICE, projectSelector } from "./labels.js";
import { STOP_TIMEOUT_SECONDS } from "./services.js";

/** What `down` removed; both empty means nothing was up. */
export interface DownResult {
  apps: string[];
  containers: string[];
  networks: string[];
}

/**
 * Stops the apps the state file records, then removes every container and network labelled with
 * the project, found by label so it works
 * after a crash and without a state file. Containers go concurrently; networks after them.
 */
export async function down(project: Project, docker: DockerClient): Promise<DownResult> {
  // Apps first: they export to the collector until they stop, and they need no engine.
  const apps = await downApps(project);
  await docker.ping();
  const selector = projectSelector(project.name);
  const containers = await docker.listContainers(selector);
  await Promise.all(containers.map((c) => docker.removeContainer(c.id, STOP_TIMEOUT_SECONDS)));
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
    apps,
    containers: containers.map((c) => c.labels[LABEL_SERVICE] ?? c.name),
    networks: networks.map((n) => n.name),
  };
}

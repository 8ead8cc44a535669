import type { Project } from "../config/index.js";
import type { DockerClient } from "../docker/index.js";
import { errorMessage, GiniError } from "../errors.js";
import { isOwn, LABEL_SERVICE, otherFolder, projectSelector, removesVolumes } from "./labels.js";
import { otherFolderError } from "./preflight.js";
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
 * concurrently; networks after them, by ID, as several may share a name. Those of a same-named
 * project in another folder are never touched; when only those are up, it refuses, naming it.
 */
export async function down(
  project: Project,
  docker: DockerClient,
  options: DownOptions = {},
): Promise<DownResult> {
  await docker.ping();
  const selector = projectSelector(project.name);
  const labelled = await docker.listContainers(selector);
  const networks = (await docker.listNetworks(selector)).filter((n) => isOwn(n.labels, project));
  const containers = labelled.filter((c) => isOwn(c.labels, project));
  const elsewhere = labelled.map((c) => otherFolder(c.labels, project)).find(Boolean);
  if (elsewhere && containers.length + networks.length === 0) {
    throw otherFolderError(
      `gini project "${project.name}" is up from another folder, ${elsewhere}, not from this one`,
      elsewhere,
    );
  }
  await Promise.all(
    containers.map((c) =>
      docker.removeContainer(c.id, STOP_TIMEOUT_SECONDS, {
        volumes: removesVolumes(c.labels, options.volumes ?? false),
      }),
    ),
  );
  for (const n of networks) {
    try {
      await docker.removeNetwork(n.id);
    } catch (err) {
      throw new GiniError(
        `removing network ${n.name} failed: ${errorMessage(err).split("\n")[0]}`,
        {
          hint: `a container gini did not start may still use it: \`docker network inspect ${n.id.slice(0, 12)}\` lists them`,
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

import type { Project } from "../config/index.js";
import { type ContainerInfo, type DockerClient, whilePinging } from "../docker/index.js";
import { errorMessage, GiniError } from "../errors.js";
import { isOwn, LABEL_SERVICE, otherFolder, projectSelector, removesVolumes } from "./labels.js";
import { otherFolderError } from "./preflight.js";
import { SERVICES, STOP_TIMEOUT_SECONDS } from "./services.js";

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
  const selector = projectSelector(project.name);
  const [labelled, listed] = await whilePinging(docker, () =>
    Promise.all([docker.listContainers(selector), docker.listNetworks(selector)]),
  );
  const networks = listed.filter((n) => isOwn(n.labels, project));
  const containers = labelled.filter((c) => isOwn(c.labels, project));
  const elsewhere = labelled.map((c) => otherFolder(c.labels, project)).find(Boolean);
  if (elsewhere && containers.length + networks.length === 0) {
    throw otherFolderError(
      `gini project "${project.name}" is up from another folder, ${elsewhere}, not from this one`,
      elsewhere,
    );
  }
  await removeInOrder(docker, containers, options.volumes ?? false);
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

/**
 * Removes containers so that data in flight arrives and nothing waits longer than it must: each
 * goes once the processes of everything that pushes data to it have exited (apps, then the
 * collector, then Jaeger), the others at once. A service whose data goes with it is killed; the
 * rest get their grace.
 */
async function removeInOrder(
  docker: DockerClient,
  containers: ContainerInfo[],
  volumes: boolean,
): Promise<void> {
  const serviceOf = (c: ContainerInfo) => SERVICES.find((s) => s.name === c.labels[LABEL_SERVICE]);
  const exits = new Map<ContainerInfo, Promise<void>>();
  const removals: Promise<void>[] = [];
  const exited = (c: ContainerInfo): Promise<void> => {
    const known = exits.get(c);
    if (known) return known;
    const service = serviceOf(c);
    const senders = containers.filter(
      (o) => service?.receivesFrom && service.receivesFrom === (serviceOf(o)?.name ?? "apps"),
    );
    let onExit = () => {};
    const exit = new Promise<void>((resolve) => (onExit = resolve));
    exits.set(c, exit);
    const removal = Promise.all(senders.map(exited)).then(() =>
      docker.removeContainer(c.id, service?.stop === "kill" ? 0 : STOP_TIMEOUT_SECONDS, {
        volumes: removesVolumes(c.labels, volumes),
        onExit,
      }),
    );
    removals.push(removal.finally(onExit));
    return exit;
  };
  for (const c of containers) void exited(c);
  await Promise.all(removals);
}

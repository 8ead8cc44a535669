import type { Project } from "../config/index.js";
import type { ContainerInfo, NetworkInfo } from "../docker/index.js";
import { GiniError } from "../errors.js";
import { pluralS } from "../text/index.js";
import { isOwn, LABEL_PROJECT, otherFolder } from "./labels.js";
import type { Step } from "./plan.js";
import { NETWORK } from "./services.js";

/** A folder as the user types it in a shell. */
function shellPath(dir: string): string {
  return /^[\w@%+=:,./-]+$/.test(dir) ? dir : `'${dir.replaceAll("'", "'\\''")}'`;
}

/** Something belongs to the same-named project of another folder: act there, or name it. */
export function otherFolderError(message: string, dir: string): GiniError {
  const there = shellPath(dir);
  return new GiniError(message, {
    hint: `\`cd ${there} && gini down\` (or \`gini down --project-dir ${there}\`) removes it`,
  });
}

/** `what` is taken by the same-named project of another folder. */
function takenElsewhere(what: string, project: Project, dir: string): GiniError {
  return otherFolderError(
    `${what} belongs to gini project "${project.name}" in another folder, ${dir}`,
    dir,
  );
}

/** Container and network names are global to the engine: refuse to take over another's. */
export function checkOwnership(
  project: Project,
  existing: (ContainerInfo | undefined)[],
  networks: NetworkInfo[],
): void {
  for (const c of existing) {
    const owner = c?.labels[LABEL_PROJECT];
    const folder = c && otherFolder(c.labels, project);
    if (folder) throw takenElsewhere(`container "${c.name}"`, project, folder);
    if (c && owner !== project.name) {
      throw new GiniError(
        `container name "${c.name}" is taken by ${owner ? `gini project "${owner}"` : "a container gini did not create"}`,
        {
          hint: owner
            ? `run \`gini down\` in project "${owner}" first (only one gini stack runs per Docker engine)`
            : `remove it with \`docker rm -f ${c.name}\` if you no longer need it`,
        },
      );
    }
  }
  // A network without gini's label (made by hand, or by an early gini) is used as it is.
  for (const n of networks) {
    const owner = n.labels[LABEL_PROJECT];
    const folder = otherFolder(n.labels, project);
    if (folder) throw takenElsewhere(`network ${NETWORK}`, project, folder);
    if (owner !== undefined && !isOwn(n.labels, project)) {
      throw new GiniError(`network ${NETWORK} belongs to gini project "${owner}"`, {
        hint: `run \`gini down\` in project "${owner}" first`,
      });
    }
  }
}

/**
 * Host ports must be free for every container gini is about to start, except ports the same
 * service's container already publishes or holds while restarting (gini replaces it itself).
 */
export async function checkPorts(
  project: Project,
  steps: Step[],
  portFree: (host: string, port: number) => Promise<boolean>,
): Promise<void> {
  const taken: string[] = [];
  await Promise.all(
    steps
      .filter((s) => s.action !== "keep")
      .flatMap((s) =>
        s.spec.ports
          .filter(
            (p) =>
              // A crash-looping container lists no ports while the engine holds them for its
              // restart; gini removes it before starting the new one, which frees them.
              s.existing?.state !== "restarting" &&
              !(s.existing?.state === "running" && s.existing.ports.some((q) => q.host === p.host)),
          )
          .map(async (p) => {
            if (!(await portFree(project.bind, p.host))) taken.push(`${p.host} (${s.spec.name})`);
          }),
      ),
  );
  if (taken.length > 0) {
    taken.sort();
    const first = taken[0]!.split(" ")[0];
    throw new GiniError(
      `host port${pluralS(taken.length)} ${taken.join(", ")} already in use on ${project.bind}`,
      {
        hint: `stop what listens there (\`ss -ltnp 'sport = :${first}'\` shows it), or \`gini down\` if an earlier stack holds it`,
      },
    );
  }
}

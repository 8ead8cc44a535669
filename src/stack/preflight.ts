import type { Project } from "../config/index.js";
import type { ContainerInfo, NetworkInfo } from "../docker/index.js";
import { GiniError } from "../errors.js";
import { pluralS } from "../text/index.js";
import { LABEL_PROJECT } from "./labels.js";
import type { Step } from "./plan.js";
import { NETWORK } from "./services.js";

/** Container and network names are global to the engine: refuse to take over another's. */
export function checkOwnership(
  project: Project,
  existing: (ContainerInfo | undefined)[],
  network: NetworkInfo | undefined,
): void {
  for (const c of existing) {
    const owner = c?.labels[LABEL_PROJECT];
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
  const owner = network?.labels[LABEL_PROJECT];
  if (network && owner !== undefined && owner !== project.name) {
    throw new GiniError(`network ${NETWORK} belongs to gini project "${owner}"`, {
      hint: `run \`gini down\` in project "${owner}" first`,
    });
  }
}

/**
 * Host ports must be free for every container gini is about to start, except ports the same
 * service's container already publishes (gini replaces that container itself).
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

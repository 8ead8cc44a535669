import type { Project } from "../config/index.js";
import type { ContainerInfo, DockerClient, NetworkInfo } from "../docker/index.js";
import { errorMessage, GiniError } from "../errors.js";
import { projectLabels } from "./labels.js";
import { NETWORK } from "./services.js";

/**
 * Leaves exactly one network named gini-network for the project. The engine does not keep network
 * names unique, so two `up`s at once (from two folders, or by an older gini without the lock) can
 * each create one; containers then join either, and a name no longer names one network. The one
 * most of the stack's containers are on is kept, the others are removed by ID. `networks` are the
 * ones of that name, already checked to be this project's.
 */
export async function ensureNetwork(
  docker: DockerClient,
  project: Project,
  networks: NetworkInfo[],
  containers: (ContainerInfo | undefined)[],
): Promise<void> {
  if (networks.length === 0) {
    await docker.createNetwork(NETWORK, projectLabels(project));
    return;
  }
  const users = (n: NetworkInfo) => containers.filter((c) => c?.networkIds?.includes(n.id)).length;
  const [, ...extra] = [...networks].sort((a, b) => users(b) - users(a));
  for (const n of extra) {
    try {
      await docker.removeNetwork(n.id);
    } catch (err) {
      throw new GiniError(
        `${networks.length} networks are named ${NETWORK}, and removing ${n.id.slice(0, 12)} failed: ${errorMessage(err).split("\n")[0]}`,
        {
          hint: `\`gini down\` removes them all (\`docker network inspect ${n.id.slice(0, 12)}\` lists what uses it)`,
          cause: err,
        },
      );
    }
  }
}

// Where Podman's Docker-compatible API answers differently from Docker's, and how gini adapts.
import type Docker from "dockerode";

import { toDetails } from "./dockerode-mapping.js";
import type { ContainerInfo } from "./types.js";

/**
 * Podman 4's container list shows a run of consecutive published ports (4317-4318) as its first
 * port only; its inspect document has them all, so gini reads the ports from there.
 */
export async function withInspectedPorts(
  docker: Docker,
  infos: ContainerInfo[],
): Promise<ContainerInfo[]> {
  return Promise.all(
    infos.map(async (info) => {
      try {
        return { ...info, ports: toDetails(await docker.getContainer(info.id).inspect()).ports };
      } catch {
        // Removed between the list and the inspect: what the list said is all there is.
        return info;
      }
    }),
  );
}

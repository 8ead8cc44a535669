import type { Project } from "../config/index.js";
import type { DockerClient, EngineInfo, PortBinding } from "../docker/index.js";
import type { Probe } from "../health/index.js";
import { isOwn } from "./labels.js";
import { lastLines, readyUrl } from "./readiness.js";
import { hostUrl, NETWORK, SERVICES } from "./services.js";

/** One service in `gini status`; the JSON form is a contract, so fields only get added. */
export interface ServiceStatus {
  name: string;
  /** Container ID, or null when there is no container. */
  container: string | null;
  image: string | null;
  /** Docker's state (running, exited, ...) or "missing". */
  state: string;
  /** "healthy" when the readiness probe answers, "unhealthy" when running but not, else "none". */
  health: "healthy" | "unhealthy" | "none";
  ports: PortBinding[];
  /** Where a user opens it, when it has a UI and runs. */
  url: string | null;
  /** How often the engine restarted its container after a crash (0 without a container). */
  restartCount: number;
  /** Its last lines of output, only when it restarted or does not run. */
  lastLines?: string[];
}

/** Lines of output `gini status` shows of a service that crashed. */
const LAST_LINES = 5;

/** The stack's part of the document `gini status --json` prints (the apps follow it). */
export interface StackStatus {
  project: string;
  network: string | null;
  /** The engine that answered: name, version, endpoint and where gini found it. */
  engine: EngineInfo;
  services: ServiceStatus[];
}

/**
 * Reads the stack's state from the engine and probes what runs; a service's URL is on
 * `publishedHost` (see hostUrl).
 */
export async function status(
  project: Project,
  docker: DockerClient,
  probe: Probe,
  publishedHost: string,
): Promise<StackStatus> {
  // Every engine call and probe that does not need another's answer goes at once.
  const [engine, network, containers] = await Promise.all([
    docker.engine(),
    docker.inspectNetwork(NETWORK),
    Promise.all(SERVICES.map((s) => docker.findContainer(s.name))),
  ]);
  const services = await Promise.all(
    SERVICES.map(async (s, i): Promise<ServiceStatus> => {
      const found = containers[i];
      // Another project's container of that name, even one of the same name, is not this stack.
      const c = found && isOwn(found.labels, project) ? found : undefined;
      const running = c?.state === "running";
      const [healthy, details] = await Promise.all([
        running && probe(readyUrl(s, publishedHost)).then((seen) => seen.ok),
        c && docker.inspectContainer(c.id),
      ]);
      const restartCount = details?.restartCount ?? 0;
      const crashed = c !== undefined && (restartCount > 0 || !running);
      return {
        name: s.name,
        container: c?.id ?? null,
        image: c?.image ?? null,
        state: c?.state ?? "missing",
        health: running ? (healthy ? "healthy" : "unhealthy") : "none",
        ports: (c?.ports ?? []).sort((a, b) => a.container - b.container),
        url: running && s.url ? hostUrl(publishedHost, s.url.port, s.url.path) : null,
        restartCount,
        ...(crashed ? { lastLines: await lastLines(docker, c.id, LAST_LINES) } : {}),
      };
    }),
  );
  return {
    project: project.name,
    network: network ? network.name : null,
    engine,
    services,
  };
}

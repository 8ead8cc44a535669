import { type Project, readConfigFacts, type ServiceName } from "../config/index.js";
import type { DockerClient } from "../docker/index.js";
import { errorMessage } from "../errors.js";
import { memoize } from "../health/index.js";
import { isOwn, SERVICES, type StackLocation } from "../stack/index.js";
import { checkApps } from "./apps.js";
import { checkCollector } from "./collector.js";
import { checkCollectorLogs } from "./collector-logs.js";
import { checkConfig } from "./config.js";
import { checkContainers } from "./containers.js";
import { checkEngine } from "./engine.js";
import { checkHostPorts } from "./host-ports.js";
import { checkJaeger } from "./jaeger.js";
import { checkPrometheus } from "./prometheus.js";
import { type DoctorReport, doctorReport } from "./report.js";
import { checkSpanMetrics } from "./span-metrics.js";
import type {
  Check,
  CheckGroup,
  DoctorContext,
  DoctorDeps,
  GroupId,
  ServiceContainer,
} from "./types.js";

/** The groups after the engine's, each one concept; they run concurrently. */
const GROUP_CHECKS: [GroupId, CheckGroup][] = [
  ["containers", checkContainers],
  ["config", checkConfig],
  ["ports", checkHostPorts],
  ["collector-logs", checkCollectorLogs],
  ["collector", checkCollector],
  ["prometheus", checkPrometheus],
  ["span-metrics", checkSpanMetrics],
  ["jaeger", checkJaeger],
  ["apps", checkApps],
];

/** The stack's containers as the engine shows them (all missing when it does not answer). */
async function inspectServices(
  project: Project,
  docker: DockerClient,
  engineOk: boolean,
): Promise<Record<ServiceName, ServiceContainer>> {
  const entries = await Promise.all(
    SERVICES.map(async (s): Promise<[ServiceName, ServiceContainer]> => {
      const info = engineOk ? await docker.findContainer(s.name).catch(() => undefined) : undefined;
      const foreign = info !== undefined && !isOwn(info.labels, project);
      const details =
        info && !foreign
          ? await docker.inspectContainer(info.id).catch(() => undefined)
          : undefined;
      const running = !foreign && (details?.state ?? info?.state) === "running";
      return [s.name, { name: s.name, info, details, foreign, running }];
    }),
  );
  return Object.fromEntries(entries) as Record<ServiceName, ServiceContainer>;
}

/**
 * Runs every check of `gini doctor` against the project's stack, running or not, and returns the
 * report, most important failure first. Never throws for what it diagnoses: a group that crashes
 * becomes a failed check of its own. It reaches the stack, and its fixes name URLs, where
 * `location` says the published ports are (see hostUrl and probeUrl).
 */
export async function runDoctor(
  project: Project,
  deps: DoctorDeps,
  location: StackLocation,
): Promise<DoctorReport> {
  const engine = await checkEngine(deps.docker);
  const engineOk = engine.status === "pass";
  const ctx: DoctorContext = {
    ...deps,
    project,
    publishedHost: location.publishedHost,
    ...(location.remote ? { remoteHost: location.remote.host } : {}),
    engineOk,
    services: await inspectServices(project, deps.docker, engineOk),
    facts: await readConfigFacts(project),
    get: memoize(deps.http),
    cache: new Map(),
  };
  const groups = await Promise.all(
    GROUP_CHECKS.map(([group, run]) =>
      run(ctx).catch((err): Check[] => [
        {
          group,
          id: group,
          status: "fail",
          finding: `doctor could not run these checks: ${errorMessage(err)}`,
          fix: "run again with --verbose and report it",
        },
      ]),
    ),
  );
  return doctorReport([engine, ...groups.flat()]);
}

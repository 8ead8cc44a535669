import type { HostProcess } from "../apps/index.js";
import type { ConfigFacts, Project, ServiceName } from "../config/index.js";
import type { ContainerDetails, ContainerInfo, DockerClient } from "../docker/index.js";
import type { HttpGet } from "../health/index.js";
import type { PortOwner } from "./port-owner.js";

/** A check's verdict; `skip` means it could not run because something it needs is down. */
export type CheckStatus = "pass" | "warn" | "fail" | "skip";

/** The check groups, in causal order: a failure in an earlier group explains later ones. */
export const GROUPS = [
  ["engine", "Docker engine"],
  ["containers", "Containers"],
  ["config", "Configuration"],
  ["ports", "Host ports"],
  ["collector-logs", "Collector logs"],
  ["collector", "Collector"],
  ["prometheus", "Prometheus"],
  ["span-metrics", "Span metrics"],
  ["jaeger", "Jaeger"],
  ["apps", "Apps"],
] as const;

export type GroupId = (typeof GROUPS)[number][0];

/** One finding of `gini doctor`; part of the stable JSON document, so fields only get added. */
export interface Check {
  group: GroupId;
  /** Stable id of what was checked, e.g. `prometheus.target` or `container.jaeger`. */
  id: string;
  status: CheckStatus;
  /** One line: what doctor saw. */
  finding: string;
  /** One line: what to do about it; null when there is nothing to do. */
  fix: string | null;
}

/** A constructor of the checks of one group: `const check = checksOf("apps")`. */
export function checksOf(group: GroupId) {
  return (id: string, status: CheckStatus, finding: string, fix: string | null): Check => ({
    group,
    id,
    status,
    finding,
    fix,
  });
}

/** Everything doctor touches outside itself; tests pass fakes. */
export interface DoctorDeps {
  docker: DockerClient;
  /** GET with a short timeout; never rejects. */
  http: HttpGet;
  /** True when nothing listens on host:port. */
  portFree: (host: string, port: number) => Promise<boolean>;
  /** Who listens on a TCP port of this host, when /proc tells. */
  portOwner: (port: number) => Promise<PortOwner | undefined>;
  /** A host app's process, from the state file and /proc. */
  hostApp: (project: Project, name: string) => Promise<HostProcess>;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/** One stack service as the engine shows it. */
export interface ServiceContainer {
  name: ServiceName;
  info?: ContainerInfo;
  details?: ContainerDetails;
  /** Its container belongs to another project (or to no gini project). */
  foreign: boolean;
  running: boolean;
}

/** What every check group sees. */
export interface DoctorContext extends DoctorDeps {
  project: Project;
  /** Where this machine reaches the stack's published ports: probes and the URLs a fix names. */
  publishedHost: string;
  /** Set when the engine runs on another host, whose ports are not this machine's. */
  remoteHost?: string;
  /** False when the engine did not answer: container-based groups skip. */
  engineOk: boolean;
  services: Record<ServiceName, ServiceContainer>;
  facts: ConfigFacts;
  /** `http`, memoized per URL for this run, so groups share one request. */
  get: HttpGet;
  /** Per-run results shared between groups (e.g. the resolved apps). */
  cache: Map<string, Promise<unknown>>;
}

/** A group of checks: one concept per file. */
export type CheckGroup = (ctx: DoctorContext) => Promise<Check[]>;

import { relative, sep } from "node:path";

import { LABEL_PROJECT, LABEL_SERVICE, NETWORK, RESTART_POLICY } from "../stack/index.js";
import type { ExportedApp, ExportedService, StackModel } from "./stack-model.js";

/** A published port in the long syntax. */
interface ComposePort {
  target: number;
  published: number;
  protocol: "tcp";
  mode: "host";
}

/** What the file says of a number of cores and MiB: Compose and Swarm take strings. */
interface ComposeResources {
  cpus: string;
  memory: string;
}

/** One service of the Compose file: a service of the stack or a container app. */
interface ComposeService {
  image: string;
  command?: string[];
  configs?: { source: string; target: string }[];
  environment?: Record<string, string>;
  ports?: ComposePort[];
  depends_on?: string[];
  networks: string[];
  labels: Record<string, string>;
  restart: string;
  security_opt: string[];
  deploy: {
    labels: Record<string, string>;
    endpoint_mode: "dnsrr";
    restart_policy: { condition: string };
    resources?: { limits: ComposeResources; reservations: ComposeResources };
  };
}

/** The Compose file, in the keys both `docker compose` and `docker stack deploy` accept. */
export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks: Record<string, { name: string; attachable: boolean; labels: Record<string, string> }>;
  configs: Record<string, { name: string; file: string }>;
}

/**
 * Published ports in the long syntax that both `docker compose` and `docker stack deploy` accept:
 * `mode: host` publishes on the node that runs the task (Swarm's routing mesh is not needed for
 * one replica, and does not answer on every network). No `host_ip`: Swarm's loader rejects it
 * ("Additional property host_ip is not allowed"), so the ports listen on every interface.
 */
function ports(numbers: readonly number[]): ComposePort[] {
  return numbers.map((port) => ({ target: port, published: port, protocol: "tcp", mode: "host" }));
}

/** What every service of the file shares: the network, labels, restart policy. */
function common(
  project: string,
  name: string,
): Pick<ComposeService, "networks" | "labels" | "restart" | "security_opt"> {
  return {
    networks: [NETWORK],
    labels: { [LABEL_PROJECT]: project, [LABEL_SERVICE]: name },
    // `restart` is what `docker compose` reads, `deploy.restart_policy` what Swarm reads.
    restart: RESTART_POLICY,
    security_opt: ["no-new-privileges:true"],
  };
}

/**
 * Swarm's part of every service: its labels, the restart policy, and DNS round robin instead of a
 * virtual IP. With one replica and host-mode ports the virtual IP buys nothing, and it needs IPVS,
 * which does not route on every host (on the test machine the collector's scrapes and exports
 * through it failed with "no route to host"); `docker compose` ignores the setting.
 */
function swarmDeploy(labels: Record<string, string>) {
  return { labels, endpoint_mode: "dnsrr" as const, restart_policy: { condition: RESTART_POLICY } };
}

/** The key of a service's config under the top-level `configs:`. */
const configKey = (s: ExportedService) => `${s.definition.name}-config`;

function stackService(project: string, s: ExportedService): ComposeService {
  const { name, command, mountPath, resources } = s.definition;
  const base = common(project, name);
  return {
    image: s.image,
    ...(command ? { command } : {}),
    configs: [{ source: configKey(s), target: mountPath }],
    ports: ports(s.definition.ports),
    ...base,
    deploy: {
      ...swarmDeploy(base.labels),
      resources: {
        limits: { cpus: String(resources.limit.cpus), memory: `${resources.limit.memoryMiB}M` },
        reservations: {
          cpus: String(resources.request.cpus),
          memory: `${resources.request.memoryMiB}M`,
        },
      },
    },
  };
}

/**
 * Values as Compose must keep them: it interpolates `$VAR` and `${VAR}` in the file when it
 * deploys it, where gini.yaml's values are meant as they are written (gini passes them unchanged).
 */
function literal(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replaceAll("$", "$$$$")]));
}

function appService(project: string, app: ExportedApp): ComposeService {
  const base = common(project, app.name);
  return {
    image: app.image,
    environment: literal(app.env),
    ...(app.ports.length ? { ports: ports(app.ports) } : {}),
    depends_on: ["otel-collector", ...app.dependsOn],
    ...base,
    deploy: swarmDeploy(base.labels),
  };
}

/** `./path` from the compose file's folder: Compose and Swarm resolve `file:` against it. */
function fromComposeDir(composeDir: string, file: string): string {
  const path = relative(composeDir, file).split(sep).join("/");
  return path.startsWith("../") ? path : `./${path}`;
}

/**
 * The stack as a Compose Specification document that runs unchanged with `docker compose up` and
 * `docker stack deploy`. `composeDir` is the folder the file will live in: the configs are
 * referenced from there, not copied, so the file carries exactly the bytes `gini validate` read.
 */
export function composeDocument(model: StackModel, composeDir: string): ComposeFile {
  const project = model.project.name;
  const services: ComposeFile["services"] = {};
  for (const s of model.services) services[s.definition.name] = stackService(project, s);
  for (const app of model.apps) services[app.name] = appService(project, app);
  const configs: ComposeFile["configs"] = {};
  for (const s of model.services) {
    configs[configKey(s)] = {
      // Swarm configs cannot change: a new name per content lets a redeploy pick up an edit.
      name: `${project}-${s.definition.name}-${s.configHash}`,
      file: fromComposeDir(composeDir, s.configFile),
    };
  }
  return {
    services,
    // No driver: Compose makes a bridge, Swarm an overlay; attachable lets `docker run --network`
    // containers join the overlay too. The name is fixed, not prefixed with the project or stack.
    networks: {
      [NETWORK]: { name: NETWORK, attachable: true, labels: { [LABEL_PROJECT]: project } },
    },
    configs,
  };
}

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

import type { Project } from "../config/index.js";
import type { ContainerSpec } from "../docker/index.js";
import { LABEL_PROJECT_DIR, LABEL_SERVICE, LABEL_SPEC_HASH, projectLabels } from "./labels.js";
import {
  NETWORK,
  RESTART_MAX_RETRIES,
  RESTART_POLICY,
  type ServiceDefinition,
} from "./services.js";

/** The image a service runs: env var first, then gini.yaml, then the pinned default. */
export function imageFor(service: ServiceDefinition, project: Project): string {
  return process.env[service.imageEnv] || project.stack[service.name].image || service.defaultImage;
}

/**
 * The container gini wants for a service. The spec-hash label covers the image (reference and
 * ID), ports, mounts, command, restart policy and the config file's content: editors often replace a file rather
 * than rewrite it, which leaves a bind mount on the old inode, so a changed config means recreate.
 */
export async function containerSpec(
  service: ServiceDefinition,
  project: Project,
  imageId: string,
): Promise<ContainerSpec> {
  const source = project.stack[service.name].config;
  const spec: ContainerSpec = {
    name: service.name,
    image: imageFor(service, project),
    ...(service.command ? { command: service.command } : {}),
    labels: { ...projectLabels(project), [LABEL_SERVICE]: service.name },
    ports: service.ports.map((port) => ({ container: port, hostIp: project.bind, host: port })),
    mounts: [{ source, target: service.mountPath }],
    network: NETWORK,
    aliases: [service.name],
    // Part of the spec hash: a stack from a gini before the policy is recreated once.
    restart: { name: RESTART_POLICY, maxRetries: RESTART_MAX_RETRIES },
  };
  return withSpecHash(spec, imageId, await readFile(source));
}

/**
 * Sets the spec-hash label from the spec, the image ID and any extra content (a config file).
 * The folder label is left out: it only says whose container it is (a folder moved is another
 * project, refused before any plan), and containers made before it existed stay as they are.
 */
export function withSpecHash(
  spec: ContainerSpec,
  imageId: string,
  content?: Buffer,
): ContainerSpec {
  const labels = Object.fromEntries(
    Object.entries(spec.labels).filter(([key]) => key !== LABEL_PROJECT_DIR),
  );
  const hash = createHash("sha256").update(JSON.stringify({ ...spec, labels, imageId }));
  if (content) hash.update(content);
  spec.labels[LABEL_SPEC_HASH] = hash.digest("hex").slice(0, 16);
  return spec;
}

import { appEnv } from "../apps/app-env.js";
import type { Project } from "../config/load.js";
import type { AppConfig } from "../config/schema.js";
import type { DockerClient } from "../docker/client.js";
import type { ContainerSpec } from "../docker/types.js";
import { GiniError } from "../errors.js";
import { LABEL_PROJECT, LABEL_SERVICE, NETWORK } from "./labels.js";
import { applyStep, planStep } from "./plan.js";
import { withSpecHash } from "./container-spec.js";
import { ensureImages, type PullPolicy } from "./pull.js";
import { awaitReady, containerGone, lastLines } from "./readiness.js";
import type { AppsUpOptions } from "./apps-up.js";
import { appHint } from "./project-apps.js";

/** The container name of an image app: prefixed, so an app called "api" meets no stranger. */
export function appContainerName(project: Project, name: string): string {
  return `${project.name}-${name}`;
}

/**
 * Runs an `image:` app as a container on gini-network, reachable there by its app name, with the
 * collector's in-network endpoint injected. Reconciled like the stack's containers: an unchanged
 * running one is kept, a changed one recreated. Returns the container ID.
 */
export async function startContainerApp(
  docker: DockerClient,
  project: Project,
  name: string,
  app: AppConfig,
  pull: PullPolicy,
): Promise<string> {
  const image = app.image!;
  const ids = await ensureImages(docker, new Map([[image, `app ${name}`]]), pull, () => {});
  const spec: ContainerSpec = {
    name: appContainerName(project, name),
    image,
    labels: { [LABEL_PROJECT]: project.name, [LABEL_SERVICE]: name },
    ports: (app.ports ?? []).map((port) => ({ container: port, hostIp: project.bind, host: port })),
    mounts: [],
    env: appEnv(name, app, "container"),
    network: NETWORK,
    aliases: [name],
  };
  const existing = await docker.findContainer(spec.name);
  if (existing && existing.labels[LABEL_PROJECT] !== project.name) {
    throw new GiniError(`container name "${spec.name}" is taken`, {
      hint: `remove it with \`docker rm -f ${spec.name}\``,
    });
  }
  return applyStep(docker, planStep(withSpecHash(spec, ids.get(image)!), existing));
}

/** Waits for a container app's ready URL; fails fast when its container stops. */
export async function waitContainerAppReady(
  name: string,
  app: AppConfig,
  id: string,
  options: AppsUpOptions,
): Promise<void> {
  const { docker } = options;
  const ms = await awaitReady(
    {
      label: `app ${name}`,
      url: app.ready,
      gone: () => containerGone(docker, id),
      lastLines: () => lastLines(docker, id),
      hint: appHint(name),
    },
    options,
  );
  options.onEvent({ type: "app-ready", app: name, ms });
}

import { type AppConfig, appContainerName, type Project } from "../config/index.js";
import type { ContainerSpec, DockerClient, LogLine, LogOptions } from "../docker/index.js";
import { GiniError } from "../errors.js";
import {
  applyStep,
  containerGone,
  ensureImages,
  isOwn,
  LABEL_SERVICE,
  lastLines,
  NETWORK,
  otherFolder,
  otherFolderError,
  planStep,
  projectLabels,
  projectSelector,
  STOP_TIMEOUT_SECONDS,
  withSpecHash,
} from "../stack/index.js";
import {
  type App,
  type AppFacts,
  type AppStatus,
  appUrl,
  configuredService,
  type StartedApp,
  type StartOptions,
} from "./app.js";
import { appEnv } from "./app-env.js";
import { RECENT_LOG_LINES } from "./app-log.js";
import { waitAppReady } from "./ready.js";

/**
 * An `image:` app: a container on gini-network, reachable there by its app name, with the
 * collector's in-network endpoint injected. It is pulled, reconciled and waited for exactly like
 * the stack's own containers, and removed with them by `gini down` (it carries the project label).
 */
export class ContainerApp implements App {
  readonly kind = "container";
  readonly url: string | null;
  private readonly containerName: string;

  constructor(
    private readonly project: Project,
    readonly name: string,
    readonly config: AppConfig,
    private readonly image: string,
  ) {
    this.url = appUrl(config);
    this.containerName = appContainerName(project.name, name);
  }

  /** Keeps an unchanged running container, recreates a changed one. */
  async start(options: StartOptions): Promise<StartedApp> {
    const { docker } = options;
    const { project, name, config, image } = this;
    const ids = await ensureImages(
      docker,
      new Map([[image, `app ${name}`]]),
      options.pull,
      () => {},
    );
    const spec: ContainerSpec = {
      name: this.containerName,
      image,
      labels: { ...projectLabels(project), [LABEL_SERVICE]: name },
      ports: (config.ports ?? []).map((port) => ({
        container: port,
        hostIp: project.bind,
        host: port,
      })),
      mounts: [],
      env: appEnv(name, config, { kind: "container" }),
      network: NETWORK,
      aliases: [name],
    };
    const existing = await docker.findContainer(spec.name);
    const folder = existing && otherFolder(existing.labels, project);
    if (folder) {
      throw otherFolderError(
        `container "${spec.name}" belongs to gini project "${project.name}" in another folder, ${folder}`,
        folder,
      );
    }
    if (existing && !isOwn(existing.labels, project)) {
      throw new GiniError(`container name "${spec.name}" is taken`, {
        hint: `remove it with \`docker rm -f ${spec.name}\``,
      });
    }
    const id = await applyStep(docker, planStep(withSpecHash(spec, ids.get(image)!), existing));
    return startedContainerApp(this, id, options);
  }

  async status(docker: DockerClient): Promise<AppStatus> {
    const c = await this.container(docker);
    const state = c?.state === "running" ? "running" : c ? "exited" : "stopped";
    return { name: this.name, pid: null, state, url: this.url, startedAt: null };
  }

  async facts(docker: DockerClient | undefined): Promise<AppFacts> {
    const c = docker && (await this.container(docker).catch(() => undefined));
    const d = c && (await docker.inspectContainer(c.id).catch(() => undefined));
    const configured = configuredService(this.name, this.config);
    return {
      name: this.name,
      kind: this.kind,
      state: d?.state === "running" ? "running" : d ? "exited" : "stopped",
      pid: null,
      envs: d ? [d.env] : [],
      service: d?.env.OTEL_SERVICE_NAME || configured,
      otlp: this.config.otlp ?? "grpc",
      // A container's log starts with its run: no header to look for.
      recentLog: c ? await lastLines(docker, c.id, RECENT_LOG_LINES) : [],
    };
  }

  async hasLog(docker: DockerClient): Promise<boolean> {
    return (await this.container(docker)) !== undefined;
  }

  async readLog(
    docker: DockerClient,
    options: LogOptions,
    onLine: (line: LogLine) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const c = await this.container(docker);
    if (c) await docker.logs(c.id, options, onLine, signal);
  }

  /** Its container, found by label like everything gini creates. */
  private async container(docker: DockerClient) {
    const labels = { ...projectSelector(this.project.name), [LABEL_SERVICE]: this.name };
    return (await docker.listContainers(labels)).find((c) => isOwn(c.labels, this.project));
  }
}

/** A container app after start: waited for through the engine, stopped by removing it. */
function startedContainerApp(app: ContainerApp, id: string, options: StartOptions): StartedApp {
  const { docker } = options;
  const tail = (count: number) => lastLines(docker, id, count);
  return {
    name: app.name,
    url: app.url,
    id: { container: id.slice(0, 12) },
    // Even one the plan kept as it was: a failed `up` removes it with what it started.
    kept: false,
    // The engine, not gini, watches a container: there is no exit to wait for.
    exited: undefined,
    waitReady: () =>
      waitAppReady(
        app.name,
        app.config.ready,
        { gone: containerGone(docker, id), lastLines: () => tail(15) },
        options,
      ),
    stop: () => docker.removeContainer(id, STOP_TIMEOUT_SECONDS),
    lastLines: tail,
  };
}

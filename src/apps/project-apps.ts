import type { Project } from "../config/index.js";
import type { DockerClient, LogLine, LogOptions } from "../docker/index.js";
import type { App, AppFacts, AppStatus, HostProcessReader } from "./app.js";
import { ContainerApp } from "./container-app.js";
import { demoApps } from "./demo-apps.js";
import { HostApp } from "./host-app.js";

/**
 * The project's apps, in gini.yaml order: gini.yaml's, or the demo API and UI when it defines
 * none. The one place that decides what kind each app is.
 */
export function projectApps(project: Project): App[] {
  const configs = Object.keys(project.apps).length > 0 ? project.apps : demoApps();
  return Object.entries(configs).map(([name, config]) =>
    config.image
      ? new ContainerApp(project, name, config, config.image)
      : new HostApp(project, name, config),
  );
}

/** Each app of the project as `gini status` shows it. */
export function appsStatus(project: Project, docker: DockerClient): Promise<AppStatus[]> {
  return Promise.all(projectApps(project).map((app) => app.status(docker)));
}

/** Each app of the project as `gini doctor` checks it; `docker` is undefined when it does not answer. */
export function appFacts(
  project: Project,
  docker: DockerClient | undefined,
  hostProcess: HostProcessReader,
): Promise<AppFacts[]> {
  return Promise.all(projectApps(project).map((app) => app.facts(docker, hostProcess)));
}

/** An app's output as `gini logs` reads it, beside the stack's services. */
interface AppLog {
  name: string;
  /** True once the app has run, so there is output to show. */
  hasRun(): Promise<boolean>;
  read(options: LogOptions, onLine: (line: LogLine) => void, signal: AbortSignal): Promise<void>;
}

/** The logs of the project's apps. */
export function appLogs(project: Project, docker: DockerClient): AppLog[] {
  return projectApps(project).map((app) => ({
    name: app.name,
    hasRun: () => app.hasLog(docker),
    read: (options, onLine, signal) => app.readLog(docker, options, onLine, signal),
  }));
}

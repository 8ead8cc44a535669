import { demoApps } from "../apps/demo-apps.js";
import type { Project } from "../config/load.js";
import type { AppConfig } from "../config/schema.js";

/** The apps `up` launches: gini.yaml's, or the demo API and UI when it defines none. */
export function projectApps(project: Project): Record<string, AppConfig> {
  return Object.keys(project.apps).length > 0 ? project.apps : demoApps();
}

/** Where a user opens an app: the origin of its ready URL. */
export function appUrl(app: AppConfig): string | null {
  if (!app.ready) return null;
  try {
    return new URL(app.ready).origin + "/";
  } catch {
    return null;
  }
}

/** The hint of every app failure. */
export function appHint(name: string): string {
  return `its last log lines are above; \`gini logs ${name}\` shows more (fix apps.${name} in gini.yaml)`;
}

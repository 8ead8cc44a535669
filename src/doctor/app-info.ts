import { appContainerName } from "../stack/container-app.js";
import { projectApps } from "../stack/project-apps.js";
import type { DoctorContext } from "./types.js";

/** One app of the project as doctor sees it. */
export interface AppInfo {
  name: string;
  kind: "host" | "container";
  state: "running" | "exited" | "stopped";
  /** Host apps: the recorded pid. */
  pid: number | null;
  /** Environments of the processes (or the container) that export spans; empty when unknown. */
  envs: Record<string, string>[];
  /** The service name its spans carry: OTEL_SERVICE_NAME as it runs, else as configured, else its name. */
  service: string;
}

/** The project's apps (gini.yaml's, or the demo), resolved once per doctor run. */
export function resolveApps(ctx: DoctorContext): Promise<AppInfo[]> {
  const cached = ctx.cache.get("apps") as Promise<AppInfo[]> | undefined;
  if (cached) return cached;
  const apps = Promise.all(
    Object.entries(projectApps(ctx.project)).map(async ([name, app]): Promise<AppInfo> => {
      const configured = app.env?.OTEL_SERVICE_NAME || name;
      if (app.image) {
        const d = ctx.engineOk
          ? await ctx.docker
              .inspectContainer(appContainerName(ctx.project, name))
              .catch(() => undefined)
          : undefined;
        return {
          name,
          kind: "container",
          state: d?.state === "running" ? "running" : d ? "exited" : "stopped",
          pid: null,
          envs: d ? [d.env] : [],
          service: d?.env.OTEL_SERVICE_NAME || configured,
        };
      }
      const p = await ctx.hostApp(ctx.project, name);
      const seen = p.envs.map((e) => e.OTEL_SERVICE_NAME).find(Boolean);
      return {
        name,
        kind: "host",
        state: p.state,
        pid: p.pid,
        envs: p.envs,
        service: seen ?? configured,
      };
    }),
  );
  ctx.cache.set("apps", apps);
  return apps;
}

/** The apps that run right now. */
export async function runningApps(ctx: DoctorContext): Promise<AppInfo[]> {
  return (await resolveApps(ctx)).filter((a) => a.state === "running");
}

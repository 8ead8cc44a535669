import { type AppFacts, appFacts } from "../apps/index.js";
import type { DoctorContext } from "./types.js";

/** The project's apps as src/apps sees them, read once per doctor run and shared by the groups. */
export function resolveApps(ctx: DoctorContext): Promise<AppFacts[]> {
  const cached = ctx.cache.get("apps") as Promise<AppFacts[]> | undefined;
  if (cached) return cached;
  const apps = appFacts(ctx.project, ctx.engineOk ? ctx.docker : undefined, ctx.hostApp);
  ctx.cache.set("apps", apps);
  return apps;
}

/** The apps that run right now. */
export async function runningApps(ctx: DoctorContext): Promise<AppFacts[]> {
  return (await resolveApps(ctx)).filter((a) => a.state === "running");
}

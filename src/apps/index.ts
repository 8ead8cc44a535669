/**
 * The public entry of src/apps: everything about the apps gini launches, host processes or
 * containers. Other folders import apps only from here.
 *
 * Each app is one unit (`App` in app.ts): `projectApps` makes them from gini.yaml, `startApps`
 * starts them for `gini up` (rolling back on a failure), `superviseApps` runs them in the
 * foreground (`watchApps` with `up --watch`, restarting them on changes), `downApps` stops them for `gini down`; `appsStatus`, `appLogs` and `appFacts` read
 * them for `gini status`, `gini logs` and `gini doctor`. `lockProject` keeps two `up`s or `down`s
 * from changing one project's stack at once.
 */
export type { App, AppEvent, AppFacts, HostProcess, StartedApp } from "./app.js";
export { appEnv, appTarget, otlpEndpoint, otlpExporterEnv } from "./app-env.js";
export { downApps } from "./down-apps.js";
export { readHostProcess } from "./host-process.js";
export { appFacts, appLogs, appsStatus, projectApps } from "./project-apps.js";
export { lockProject, type ProjectLock } from "./project-lock.js";
export { startApps } from "./start-apps.js";
export { APP_STOP_GRACE_MS } from "./stop-tree.js";
/** @public used through the module namespace `cli/up.ts` passes around, which knip cannot follow */
export { killApps, superviseApps } from "./supervise.js";
/** @public as above */
export { watchApps, watchedApps, type WatchEvent } from "./watch-apps.js";

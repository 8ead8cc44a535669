import { appFolder } from "../../app-folder.js";
import { appNameProblems } from "../../app-names.js";
import { asRecord, get, str } from "../../model/index.js";
import { type AppConfig, CONTAINER_NAME_PATTERN } from "../../schema.js";
import { orderProblems } from "../../start-order.js";
import { watchPaths } from "../../watch-paths.js";
import { findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "gini-apps";

/**
 * What `gini up` would refuse about the apps only once the stack runs: an unknown or cyclic
 * depends_on, a container name Docker refuses or that takes a stack service's, a missing cwd or
 * `watch:` path.
 * Read from gini.yaml's data as far as it goes, so these show beside the gini-yaml rule's findings
 * rather than only once those are fixed.
 */
export const giniApps: Rule = (ctx) => {
  const doc = ctx.gini;
  if (!doc) return [];
  const apps = appsIn(doc.data);
  const named = get(doc.data, "name");
  const project = named === undefined ? ctx.project.name : str(named);
  const at = (keys: readonly (string | number)[], message: string, fix: string): Finding =>
    findingAt({ doc, keys, severity: "error", rule: RULE, message, fix });
  const folders = Object.entries(asRecord(get(doc.data, "apps")) ?? {}).flatMap(([name, app]) => {
    const cwd = get(app, "cwd");
    if (typeof cwd !== "string") return [];
    const { problem } = appFolder(ctx.project.dir, name, cwd);
    return problem ? [at(["apps", name, "cwd"], problem.message, problem.hint)] : [];
  });
  const watched = Object.entries(asRecord(get(doc.data, "apps")) ?? {}).flatMap(([name, app]) => {
    const watch = get(app, "watch");
    if (!Array.isArray(watch) || !watch.every((w) => typeof w === "string")) return [];
    const cwd = str(get(app, "cwd"));
    return watchPaths(ctx.project.dir, name, { cwd, watch }).problems.map((p) =>
      at(["apps", name, "watch", p.index], p.message, p.hint),
    );
  });
  return [
    ...orderProblems(apps).map((p) => at(p.keys, p.message, p.hint)),
    ...folders,
    ...watched,
    // A name: of the wrong kind is the gini-yaml rule's finding; no container name follows from it.
    ...(project !== undefined && (named === undefined || CONTAINER_NAME_PATTERN.test(project))
      ? appNameProblems(project, apps).map((p) => at(p.keys, p.message, p.fix))
      : []),
  ];
};

/** Each app's image and depends_on where they have the right type; the schema reports the rest. */
function appsIn(data: unknown): Record<string, Pick<AppConfig, "image" | "depends_on">> {
  return Object.fromEntries(
    Object.entries(asRecord(get(data, "apps")) ?? {}).map(([name, value]) => {
      const dependsOn = get(value, "depends_on");
      const list = Array.isArray(dependsOn) && dependsOn.every((d) => typeof d === "string");
      return [name, { image: str(get(value, "image")), depends_on: list ? dependsOn : undefined }];
    }),
  );
}

import { appNameProblems } from "../../app-names.js";
import { orderProblems } from "../../start-order.js";
import { findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "gini-apps";

/**
 * What `gini up` would refuse about the apps only once the stack runs: an unknown or cyclic
 * depends_on, a container name Docker refuses or that takes a stack service's, a missing cwd.
 * The apps are gini.yaml's once it matches its schema (the gini-yaml rule reports it otherwise).
 */
export const giniApps: Rule = (ctx) => {
  const doc = ctx.gini;
  const { project } = ctx;
  if (!doc) return [];
  const at = (keys: readonly (string | number)[], message: string, fix: string): Finding =>
    findingAt(doc, keys, "error", RULE, message, fix);
  return [
    ...orderProblems(project.apps).map((p) => at(p.keys, p.message, p.hint)),
    ...appNameProblems(project.name, project.apps).map((p) => at(p.keys, p.message, p.fix)),
  ];
};

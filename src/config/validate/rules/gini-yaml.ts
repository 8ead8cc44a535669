import { checkGiniFile } from "../../gini-file-problems.js";
import { findingAt } from "../document.js";
import type { Rule } from "../types.js";

/** gini.yaml must match its schema: no unknown keys, every value of the right type. */
export const giniYaml: Rule = (ctx) => {
  const doc = ctx.gini;
  if (!doc) return [];
  const checked = checkGiniFile(doc.data);
  if ("file" in checked) return [];
  return checked.problems.map((p) =>
    findingAt({
      doc,
      keys: p.keys,
      severity: "error",
      rule: "gini-yaml",
      message: p.message,
      fix: p.fix,
    }),
  );
};

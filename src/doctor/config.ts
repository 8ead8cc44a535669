import { validateProject } from "../config/index.js";
import type { Check, CheckGroup } from "./types.js";

/** 4. The rules of `gini validate`, each finding as a check (errors fail, warnings warn). */
export const checkConfig: CheckGroup = async (ctx) => {
  const findings = await validateProject(ctx.project);
  if (findings.length === 0) {
    return [
      {
        group: "config",
        id: "config",
        status: "pass",
        finding: "gini.yaml and the three config files pass `gini validate`",
        fix: null,
      },
    ];
  }
  return findings.map((f): Check => ({
    group: "config",
    id: `config.${f.rule}`,
    status: f.severity === "error" ? "fail" : "warn",
    finding: `${f.file}:${f.line}:${f.column}: ${f.message}`,
    fix: f.fix,
  }));
};

import { loadProjectOrDefaults, type Project, type ProjectOptions } from "../load.js";
import { type ConfigDoc, loadConfigDoc } from "./document.js";
import { findingsError } from "./report.js";
import { componentTypes } from "./rules/component-types.js";
import { deprecatedNames } from "./rules/deprecated-names.js";
import { devTiming } from "./rules/dev-timing.js";
import { giniApps } from "./rules/gini-apps.js";
import { giniYaml } from "./rules/gini-yaml.js";
import { healthCheck } from "./rules/health-check.js";
import { jaegerMetricsBackend } from "./rules/jaeger-metrics-backend.js";
import { localhostBind } from "./rules/localhost-bind.js";
import { metricNames } from "./rules/metric-names.js";
import { scrapeTarget } from "./rules/scrape-target.js";
import { selfMetrics } from "./rules/self-metrics.js";
import { spanmetricsWiring } from "./rules/spanmetrics-wiring.js";
import { undefinedComponents } from "./rules/undefined-components.js";
import type { Finding, Rule, ValidationContext } from "./types.js";

export { findingsError, formatFinding, jsonReport, summarize } from "./report.js";
export type { Finding } from "./types.js";

/** Every rule, in the order their findings are reported within a line. */
const RULES: readonly Rule[] = [
  giniYaml,
  giniApps,
  undefinedComponents,
  componentTypes,
  deprecatedNames,
  spanmetricsWiring,
  localhostBind,
  healthCheck,
  scrapeTarget,
  selfMetrics,
  jaegerMetricsBackend,
  metricNames,
  devTiming,
];

/** Checks gini.yaml and the three service config files; returns every finding, sorted by file and line. */
export async function validateProject(project: Project): Promise<Finding[]> {
  const findings: Finding[] = [];
  const order: string[] = [];
  const load = async (path: string): Promise<ConfigDoc | undefined> => {
    const result = await loadConfigDoc(path);
    order.push(result.file);
    if ("severity" in result) {
      findings.push(result);
      return undefined;
    }
    return result;
  };
  const ctx: ValidationContext = {
    project,
    gini: project.configFile ? await load(project.configFile) : undefined,
    collector: await load(project.stack["otel-collector"].config),
    jaeger: await load(project.stack.jaeger.config),
    prometheus: await load(project.stack.prometheus.config),
    customCollectorImage: Boolean(
      process.env.GINI_OTEL_COLLECTOR_IMAGE || project.stack["otel-collector"].image,
    ),
  };
  for (const rule of RULES) findings.push(...rule(ctx));
  const rank = (f: Finding) => (order.includes(f.file) ? order.indexOf(f.file) : order.length);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        rank(a.f) - rank(b.f) || a.f.line - b.f.line || a.f.column - b.f.column || a.i - b.i,
    )
    .map(({ f }) => f);
}

/**
 * Loads the project from the CLI options and validates it. An invalid gini.yaml does not stop
 * validation: the project falls back to the default files and gini.yaml's problems become findings.
 */
export async function validateOptions(options: ProjectOptions): Promise<Finding[]> {
  return validateProject(await loadProjectOrDefaults(options));
}

/** Validates the project and throws the first error as a GiniError; `gini up` calls this first. */
export async function assertValid(project: Project): Promise<Finding[]> {
  const findings = await validateProject(project);
  const error = findingsError(findings);
  if (error) throw error;
  return findings;
}

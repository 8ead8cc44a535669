import { existsSync, lstatSync } from "node:fs";
import { basename, resolve } from "node:path";

import { GiniError } from "../errors.js";
import { checkGiniFile } from "./gini-file-problems.js";
import { readYamlFile, type YamlProblem } from "./model/index.js";
import {
  type AppConfig,
  type GiniFile,
  SERVICE_NAMES,
  type ServiceName,
  type SloConfig,
} from "./schema.js";

/** The default config file of each service, relative to the project folder. */
export const DEFAULT_CONFIG_FILES: Record<ServiceName, string> = {
  "otel-collector": "config-spm.yaml",
  jaeger: "config-jaeger.yaml",
  prometheus: "prometheus.yml",
};

/** A project as gini sees it: gini.yaml (if any) merged with the defaults. */
export interface Project {
  /** Absolute project folder. */
  dir: string;
  /** Absolute path of gini.yaml, or undefined when the project has none. */
  configFile: string | undefined;
  /** Project name, used in labels. */
  name: string;
  /** Host address that published ports bind to. */
  bind: "127.0.0.1" | "0.0.0.0";
  /** Per service: image override from gini.yaml and the absolute config file path. */
  stack: Record<ServiceName, { image?: string; config: string }>;
  /** Apps from gini.yaml; empty when it defines none. */
  apps: Record<string, AppConfig>;
  /** `gini check`'s budgets from gini.yaml's `slo:`, by service name (`"*"`: every service). */
  slo: Record<string, SloConfig>;
}

/** Options that locate the project, from the global CLI flags. */
export interface ProjectOptions {
  projectDir?: string;
  config?: string;
}

/** Loads gini.yaml (when present) and resolves every path against the project folder. */
export async function loadProject(options: ProjectOptions = {}): Promise<Project> {
  const dir = resolve(options.projectDir ?? ".");
  if (!existsSync(dir)) {
    throw new GiniError(`${dir}: project folder not found`, {
      hint: "pass an existing folder to --project-dir",
      code: "project-not-found",
    });
  }
  const configFile = resolve(dir, options.config ?? "gini.yaml");
  // lstat, not exists: a broken symlink is a gini.yaml gone wrong, never "no gini.yaml" (the demo).
  const exists = lstatSync(configFile, { throwIfNoEntry: false }) !== undefined;
  const data = exists || options.config !== undefined ? await readGiniFile(configFile) : {};
  return projectFrom(dir, exists ? configFile : undefined, data);
}

/** Reads and checks gini.yaml; the first problem becomes a GiniError naming file:line:column. */
async function readGiniFile(configFile: string): Promise<GiniFile> {
  const yaml = await readYamlFile(configFile);
  if ("problem" in yaml) throw yamlError(configFile, yaml);
  const checked = checkGiniFile(yaml.data);
  if ("file" in checked) return checked.file;
  const first = checked.problems[0]!;
  const { line, column } = yaml.locate(first.keys, "value");
  throw new GiniError(`${configFile}:${line}:${column}: ${first.message}`, {
    hint: first.fix,
    code: "invalid-config",
  });
}

/** gini.yaml that cannot be read or parsed, as the error `gini up` and friends stop with. */
function yamlError(path: string, yaml: YamlProblem): GiniError {
  switch (yaml.problem) {
    case "missing":
      return new GiniError(`${path}: file not found`, {
        hint: "run `gini init` to write the default files",
        code: "file-not-found",
      });
    case "unreadable":
      return new GiniError(`${path}: cannot read: ${yaml.reason}`, {
        hint: "check the file's permissions",
      });
    case "refused":
      return new GiniError(`${path}: ${yaml.reason}`, { hint: yaml.hint, code: "invalid-config" });
    case "syntax":
      return new GiniError(`${path}:${yaml.line}:${yaml.column}: invalid YAML: ${yaml.reason}`, {
        hint: "fix the YAML syntax at that line (indentation, a missing ':' or an unclosed quote)",
        code: "invalid-yaml",
      });
  }
}

/** A project from gini.yaml's data, every path resolved and every default filled in. */
export function projectFrom(dir: string, configFile: string | undefined, data: GiniFile): Project {
  const stack = Object.fromEntries(
    SERVICE_NAMES.map((service) => {
      const entry = data.stack?.[service];
      const config = resolve(dir, entry?.config ?? DEFAULT_CONFIG_FILES[service]);
      return [service, entry?.image ? { image: entry.image, config } : { config }];
    }),
  ) as Project["stack"];
  return {
    dir,
    configFile,
    name: data.name ?? basename(dir),
    bind: data.bind ?? "127.0.0.1",
    stack,
    apps: data.apps ?? {},
    slo: data.slo ?? {},
  };
}

/**
 * Like loadProject, but a gini.yaml that does not load yields the defaults (the folder's name,
 * the three default config files, no apps) instead of an error: `gini validate` and `gini doctor`
 * report gini.yaml's problems among the others rather than stopping at them.
 */
export async function loadProjectOrDefaults(options: ProjectOptions): Promise<Project> {
  try {
    return await loadProject(options);
  } catch (err) {
    if (!(err instanceof GiniError) || err.code === "project-not-found") throw err;
    const dir = resolve(options.projectDir ?? ".");
    return projectFrom(dir, resolve(dir, options.config ?? "gini.yaml"), {});
  }
}

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

import { appEnv } from "../apps/index.js";
import { assertValid, type Finding, type Project } from "../config/index.js";
import { imageFor, type ServiceDefinition, SERVICES } from "../stack/index.js";

/** One service of the stack as an export writes it. */
export interface ExportedService {
  /** Its row of the services table: ports, mount path, command, readiness, bounds, user. */
  definition: ServiceDefinition;
  /** The image in force: GINI_*_IMAGE, else gini.yaml's override, else the pinned default. */
  image: string;
  /** The project's config file (absolute) and its bytes, as `gini validate` passed them. */
  configFile: string;
  config: Buffer;
  /** The first 12 hex digits of the config's SHA-256: changes when the file does. */
  configHash: string;
}

/** An `image:` app of gini.yaml, as a container beside the stack. */
export interface ExportedApp {
  name: string;
  image: string;
  /** What gini injects (the in-network OTLP endpoint, ...) under the app's own `env`. */
  env: Record<string, string>;
  ports: number[];
  dependsOn: string[];
}

/** What the stack is, for an export: the services table applied to one validated project. */
export interface StackModel {
  project: Project;
  services: ExportedService[];
  apps: ExportedApp[];
  /** Apps with a host `command:`: they run on a developer's machine and are not exported. */
  hostApps: string[];
  /** What `gini validate` warned about; errors stop the export before this exists. */
  warnings: Finding[];
}

/**
 * Validates the project as `gini up` does, refusing on an error, and reads what the export needs.
 * The configs are read after validation passed, so an export carries the bytes it checked.
 */
export async function readStack(project: Project): Promise<StackModel> {
  const warnings = await assertValid(project);
  const services = await Promise.all(
    SERVICES.map(async (definition): Promise<ExportedService> => {
      const configFile = project.stack[definition.name].config;
      const config = await readFile(configFile);
      const configHash = createHash("sha256").update(config).digest("hex").slice(0, 12);
      return { definition, image: imageFor(definition, project), configFile, config, configHash };
    }),
  );
  const entries = Object.entries(project.apps);
  const apps = entries.flatMap(([name, app]): ExportedApp[] =>
    app.image
      ? [
          {
            name,
            image: app.image,
            env: appEnv(name, app, { kind: "container" }),
            ports: app.ports ?? [],
            // Only on other containers: a host app has no place in the export.
            dependsOn: (app.depends_on ?? []).filter((d) => project.apps[d]?.image),
          },
        ]
      : [],
  );
  const hostApps = entries.filter(([, app]) => !app.image).map(([name]) => name);
  return { project, services, apps, hostApps, warnings };
}

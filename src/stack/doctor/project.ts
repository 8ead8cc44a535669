import { basename, resolve } from "node:path";
import {
  DEFAULT_CONFIG_FILES,
  loadProject,
  type Project,
  type ProjectOptions,
} from "../../config/load.js";
import { SERVICE_NAMES } from "../../config/schema.js";
import { GiniError } from "../../errors.js";

/**
 * The project for doctor. A gini.yaml that does not load does not stop doctor: it falls back to
 * the default files, and the config check reports gini.yaml's problems.
 */
export async function loadDoctorProject(options: ProjectOptions): Promise<Project> {
  try {
    return await loadProject(options);
  } catch (err) {
    if (!(err instanceof GiniError) || /project folder not found/.test(err.message)) throw err;
    const dir = resolve(options.projectDir ?? ".");
    return {
      dir,
      configFile: resolve(dir, options.config ?? "gini.yaml"),
      name: basename(dir),
      bind: "127.0.0.1",
      stack: Object.fromEntries(
        SERVICE_NAMES.map((s) => [s, { config: resolve(dir, DEFAULT_CONFIG_FILES[s]) }]),
      ) as Project["stack"],
      apps: {},
    };
  }
}

import type { KeyPath } from "./model/index.js";
import { type AppConfig, CONTAINER_NAME_PATTERN, SERVICE_NAMES } from "./schema.js";

/** The container of an `image:` app: prefixed with the project, so an app called "api" meets no stranger. */
export function appContainerName(project: string, app: string): string {
  return `${project}-${app}`;
}

/** An app name that the container name of an image app turns into trouble, worded once. */
export interface AppNameProblem {
  keys: KeyPath;
  message: string;
  fix: string;
}

/**
 * The image apps whose container name `<project>-<app>` Docker refuses (a project name from a
 * folder name with other characters) or that takes a stack service's container name (project
 * `otel`, app `collector`). The app names themselves are the schema's to check.
 */
export function appNameProblems(
  project: string,
  apps: Record<string, Pick<AppConfig, "image">>,
): AppNameProblem[] {
  return Object.entries(apps).flatMap(([app, config]): AppNameProblem[] => {
    if (!config.image) return [];
    const container = appContainerName(project, app);
    if ((SERVICE_NAMES as readonly string[]).includes(container)) {
      return [
        {
          keys: ["apps", app],
          message: `apps.${app}: its container name "${container}" is the stack's ${container} container`,
          fix: "rename the app, or set another project name with name: in gini.yaml",
        },
      ];
    }
    if (CONTAINER_NAME_PATTERN.test(container)) return [];
    return [
      {
        keys: ["apps", app],
        message: `apps.${app}: "${container}" is not a valid container name: the project name "${project}" comes from the folder's name`,
        fix: "set the project's name with name: in gini.yaml (letters, digits, '_', '.' and '-')",
      },
    ];
  });
}

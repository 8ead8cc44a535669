import type { Project } from "../config/index.js";
import { SERVICES } from "./services.js";

/** Label keys gini sets; containers and the network are found by them, never by state files. */
export const LABEL_PROJECT = "gini.project";
/**
 * The absolute project folder: two folders of the same name (the default project name) never act
 * on each other's stack.
 */
export const LABEL_PROJECT_DIR = "gini.project-dir";
export const LABEL_SERVICE = "gini.service";
/** A hash of everything that shapes a container; a different hash means "recreate". */
export const LABEL_SPEC_HASH = "gini.spec-hash";

/** The labels that select everything of one project name (filter with `isOwn`). */
export function projectSelector(project: string): Record<string, string> {
  return { [LABEL_PROJECT]: project };
}

/** The labels every container and the network of a project carry. */
export function projectLabels(project: Project): Record<string, string> {
  return { [LABEL_PROJECT]: project.name, [LABEL_PROJECT_DIR]: project.dir };
}

/**
 * True when the labels are this project's: its name, and its folder. Containers and networks made
 * by a gini older than the folder label carry the name alone; they count as this project's, as
 * they did then.
 */
export function isOwn(labels: Record<string, string>, project: Project): boolean {
  const dir = labels[LABEL_PROJECT_DIR];
  return labels[LABEL_PROJECT] === project.name && (dir === undefined || dir === project.dir);
}

/**
 * The folder of a same-named project that owns these labels, or undefined when they are this
 * project's or another name's.
 */
export function otherFolder(labels: Record<string, string>, project: Project): string | undefined {
  return labels[LABEL_PROJECT] === project.name && !isOwn(labels, project)
    ? labels[LABEL_PROJECT_DIR]
    : undefined;
}

/**
 * Whether removing a container takes its anonymous volumes. The stack's services keep no data
 * (Prometheus's image declares a volume for its TSDB, which no later container reuses, so keeping
 * it would pile them up); an image app's volumes may hold the user's data: they go on request.
 */
export function removesVolumes(labels: Record<string, string>, requested: boolean): boolean {
  return requested || SERVICES.some((s) => s.name === labels[LABEL_SERVICE]);
}

/** Label keys gini sets; containers and the network are found by them, never by state files. */
export const LABEL_PROJECT = "gini.project";
export const LABEL_SERVICE = "gini.service";
/** A hash of everything that shapes a container; a different hash means "recreate". */
export const LABEL_SPEC_HASH = "gini.spec-hash";

/** The labels that select everything of one project. */
export function projectSelector(project: string): Record<string, string> {
  return { [LABEL_PROJECT]: project };
}

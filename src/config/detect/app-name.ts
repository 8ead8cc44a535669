import { SERVICE_NAMES } from "../schema.js";

/**
 * gini.yaml names for the apps, in order: each wanted name lower-cased to what the schema allows
 * (`^[a-z0-9][a-z0-9_.-]*$`), kept off the stack services' names, and made unique.
 */
export function appNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((want) => {
    let base = want
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, "-")
      .replace(/^[^a-z0-9]+/, "")
      .replace(/[-.]+$/, "");
    if (!base) base = "app";
    if ((SERVICE_NAMES as readonly string[]).includes(base)) base = `${base}-app`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return name;
  });
}

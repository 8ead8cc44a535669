import { type AppConfig, SERVICE_NAMES } from "../config/index.js";
import { GiniError } from "../errors.js";

/** Names under depends_on that are always satisfied: the stack is ready before any app starts. */
const STACK_SERVICES = new Set<string>(SERVICE_NAMES);

/** Follows depends_on links from `start` until a name repeats; returns that loop. */
function findCycle(
  apps: Record<string, Pick<AppConfig, "depends_on">>,
  start: string,
  started: Set<string>,
): string[] {
  const path: string[] = [];
  for (let name = start; ;) {
    const seen = path.indexOf(name);
    if (seen >= 0) return [...path.slice(seen), name];
    path.push(name);
    // Only called when no app can start: each unstarted app waits for another unstarted app,
    // so the walk never runs out of names and must come back to one it saw.
    name = (apps[name]?.depends_on ?? []).find(
      (dep) => !started.has(dep) && !STACK_SERVICES.has(dep),
    )!;
  }
}

/**
 * Start order as waves: every app of a wave depends only on apps of earlier waves, so a wave's
 * apps can start together once the previous wave is ready. Order within a wave follows
 * gini.yaml. depends_on may also name a stack service (always ready by then).
 * @throws GiniError for a dependency on an unknown app, or a cycle (which it names).
 */
export function startOrder(apps: Record<string, Pick<AppConfig, "depends_on">>): string[][] {
  const names = Object.keys(apps);
  for (const name of names) {
    for (const dep of apps[name]!.depends_on ?? []) {
      if (dep in apps || STACK_SERVICES.has(dep)) continue;
      throw new GiniError(`apps.${name}.depends_on: unknown app "${dep}"`, {
        hint: `depends_on names other apps of gini.yaml: ${names.join(", ")}`,
      });
    }
  }
  const waves: string[][] = [];
  const started = new Set<string>();
  while (started.size < names.length) {
    const wave = names.filter(
      (name) =>
        !started.has(name) &&
        (apps[name]!.depends_on ?? []).every((dep) => started.has(dep) || STACK_SERVICES.has(dep)),
    );
    if (wave.length === 0) {
      const cycle = findCycle(
        apps,
        names.find((name) => !started.has(name))!,
        started,
      );
      throw new GiniError(`apps.${cycle[0]}.depends_on: dependency cycle ${cycle.join(" → ")}`, {
        hint: "remove one of these depends_on entries",
      });
    }
    for (const name of wave) started.add(name);
    waves.push(wave);
  }
  return waves;
}

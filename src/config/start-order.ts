import { GiniError } from "../errors.js";
import type { KeyPath } from "./model/index.js";
import { type AppConfig, SERVICE_NAMES } from "./schema.js";

/** Names under depends_on that are always satisfied: the stack is ready before any app starts. */
const STACK_SERVICES = new Set<string>(SERVICE_NAMES);

type Apps = Record<string, Pick<AppConfig, "depends_on">>;

/** Why apps cannot be ordered, worded once for `gini validate` and `gini up`. */
export interface OrderProblem {
  /** The depends_on entry at fault. */
  keys: KeyPath;
  message: string;
  hint: string;
}

/**
 * Start order as waves: every app of a wave depends only on apps of earlier waves, so a wave's
 * apps can start together once the previous wave is ready. Order within a wave follows
 * gini.yaml. depends_on may also name a stack service (always ready by then).
 * @throws GiniError for a dependency on an unknown app, or a cycle (which it names).
 */
export function startOrder(apps: Apps): string[][] {
  const first = orderProblems(apps)[0];
  if (first) throw new GiniError(first.message, { hint: first.hint });
  return waves(apps).waves;
}

/** Every dependency on an unknown app, then the first cycle among the rest; [] when apps can start. */
export function orderProblems(apps: Apps): OrderProblem[] {
  const names = Object.keys(apps);
  const problems: OrderProblem[] = [];
  for (const name of names) {
    (apps[name]!.depends_on ?? []).forEach((dep, index) => {
      if (dep in apps || STACK_SERVICES.has(dep)) return;
      problems.push({
        keys: ["apps", name, "depends_on", index],
        message: `apps.${name}.depends_on: unknown app "${dep}"`,
        hint: `depends_on names other apps of gini.yaml: ${names.join(", ")}`,
      });
    });
  }
  const { cycle } = waves(apps);
  if (cycle) {
    const [from, to] = cycle as [string, string];
    problems.push({
      keys: ["apps", from, "depends_on", apps[from]!.depends_on!.indexOf(to)],
      message: `apps.${from}.depends_on: dependency cycle ${cycle.join(" → ")}`,
      hint: "remove one of these depends_on entries",
    });
  }
  return problems;
}

/** The waves of the apps that can start, and the first cycle that stops the others. */
function waves(apps: Apps): { waves: string[][]; cycle?: string[] } {
  const names = Object.keys(apps);
  // Unknown names are orderProblems' to report; here they wait for nothing.
  const deps = (name: string) =>
    (apps[name]?.depends_on ?? []).filter((dep) => dep in apps && !STACK_SERVICES.has(dep));
  const result: string[][] = [];
  const started = new Set<string>();
  while (started.size < names.length) {
    const wave = names.filter(
      (name) => !started.has(name) && deps(name).every((dep) => started.has(dep)),
    );
    if (wave.length === 0) {
      return {
        waves: result,
        cycle: findCycle(
          deps,
          names.find((n) => !started.has(n))!,
          started,
        ),
      };
    }
    for (const name of wave) started.add(name);
    result.push(wave);
  }
  return { waves: result };
}

/** Follows depends_on links from `start` until a name repeats; returns that loop. */
function findCycle(
  deps: (name: string) => string[],
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
    name = deps(name).find((dep) => !started.has(dep))!;
  }
}

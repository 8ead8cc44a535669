import { appFacts, readHostProcess } from "../apps/index.js";
import type { Project } from "../config/index.js";
import { httpGet } from "../health/index.js";
import type { TracesDeps } from "./search.js";

/** Jaeger's answers for hundreds of traces take longer than a probe's 1.5 s on a busy machine. */
const TIMEOUT_MS = 10_000;

/**
 * The real HTTP, clock and apps, for the CLI; unit tests pass fakes to findTraces/getTrace.
 * `servicesOfApps` is what the span metrics' gini_app label says each app sends (from `gini
 * red`'s Prometheus client, which the CLI hands in): the default search covers all of an app's
 * services, and an app the label does not know yet by its service name.
 */
export function realTracesDeps(
  project: Project,
  publishedHost: string,
  servicesOfApps: () => Promise<Record<string, string[]> | undefined> = () =>
    Promise.resolve(undefined),
): TracesDeps {
  return {
    http: (url) => httpGet(url, TIMEOUT_MS),
    publishedHost,
    now: () => Date.now(),
    // Without the engine: a container app's service is then the configured one, which is what
    // it runs with unless someone changed the container by hand.
    appServices: async () => {
      const [facts, sent] = await Promise.all([
        appFacts(project, undefined, readHostProcess),
        servicesOfApps().catch(() => undefined),
      ]);
      return facts.flatMap((a) => (sent?.[a.name]?.length ? sent[a.name]! : [a.service]));
    },
  };
}

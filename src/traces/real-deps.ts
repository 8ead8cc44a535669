import { appFacts, readHostProcess } from "../apps/index.js";
import type { Project } from "../config/index.js";
import { httpGet } from "../health/index.js";
import type { TracesDeps } from "./search.js";

/** Jaeger's answers for hundreds of traces take longer than a probe's 1.5 s on a busy machine. */
const TIMEOUT_MS = 10_000;

/** The real HTTP, clock and apps, for the CLI; unit tests pass fakes to findTraces/getTrace. */
export function realTracesDeps(project: Project): TracesDeps {
  return {
    http: (url) => httpGet(url, TIMEOUT_MS),
    now: () => Date.now(),
    // Without the engine: a container app's service is then the configured one, which is what
    // it runs with unless someone changed the container by hand.
    appServices: async () =>
      (await appFacts(project, undefined, readHostProcess)).map((a) => a.service),
  };
}

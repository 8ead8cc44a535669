import { EXIT_USAGE, GiniError } from "../errors.js";
import { type JaegerApi, jaegerServices, searchTraces, traceSpans } from "./jaeger.js";
import { buildTraces, type Trace } from "./tree.js";

/** What `gini traces` needs from outside; unit tests pass fakes. */
export interface TracesDeps extends JaegerApi {
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The service names the project's apps' spans carry (the default of --service). */
  appServices: () => Promise<string[]>;
}

/** The flags of a search. */
export interface TraceFilter {
  /** Only traces through this service; default: the project's apps, else every service. */
  service?: string;
  /** Only traces with an error span. */
  errors: boolean;
  /** At most this many traces. */
  limit: number;
}

/** What a search found, and where it looked. */
export interface TraceSearch {
  /** Every service Jaeger has spans from, except Jaeger's own, sorted. */
  known: string[];
  /** The services searched. */
  searched: string[];
  /** Most recent first. */
  traces: Trace[];
}

/** How far back a search looks: Jaeger keeps traces in memory, so this is "everything" in practice. */
export const LOOKBACK_HOURS = 24;
/** Looks a little into the future too, so a span stamped by a clock slightly ahead is found. */
const CLOCK_SKEW_MS = 60_000;
/** At most this many traces per service and request: about 6 KB each stays far below 8 MB. */
const MAX_DEPTH = 500;

/** Jaeger's own spans (when its self-tracing is on) are not the user's. */
const isJaegers = (service: string): boolean => /^jaeger(-|$)/.test(service);

/**
 * --service, else the services of the project's apps (what their gini_app label lists, else their
 * service names) that Jaeger has spans from, else every service it has.
 */
export function servicesToSearch(known: string[], apps: string[], requested?: string): string[] {
  if (requested) return [requested];
  const mine = known.filter((s) => apps.includes(s));
  return mine.length > 0 ? mine : known;
}

/**
 * Traces per service and request. Jaeger cannot search for errors through api_v3 in every
 * version gini supports, so --errors looks deeper and filters here.
 */
const depthFor = (f: TraceFilter): number =>
  Math.min(f.errors ? Math.max(f.limit * 20, 200) : f.limit, MAX_DEPTH);

/** The most recent traces of the selected services, merged (a trace through two is one trace). */
export async function findTraces(filter: TraceFilter, deps: TracesDeps): Promise<TraceSearch> {
  const [all, apps] = await Promise.all([
    jaegerServices(deps),
    // The apps only choose the default; not knowing them must not fail the command.
    deps.appServices().catch(() => []),
  ]);
  const known = all.filter((s) => !isJaegers(s)).sort();
  const searched = servicesToSearch(known, apps, filter.service);
  const now = deps.now();
  const found = await Promise.all(
    searched.map((service) =>
      searchTraces(deps, {
        service,
        startMs: now - LOOKBACK_HOURS * 3_600_000,
        endMs: now + CLOCK_SKEW_MS,
        depth: depthFor(filter),
      }),
    ),
  );
  const traces = buildTraces(found.flat())
    .filter((t) => !filter.errors || t.errorCount > 0)
    .slice(0, filter.limit);
  return { known, searched, traces };
}

/** A trace id as Jaeger takes it: up to 32 hex digits, lowercase. */
function parseTraceId(text: string): string {
  const id = text.trim().toLowerCase();
  if (!/^[0-9a-f]{1,32}$/.test(id)) {
    throw new GiniError(`"${text}" is not a trace id`, {
      hint: "a trace id is up to 32 hex digits, e.g. the last part of a link `gini traces` prints",
      exitCode: EXIT_USAGE,
    });
  }
  return id;
}

/** One trace by id; a GiniError naming the id when Jaeger does not have it. */
export async function getTrace(traceId: string, deps: TracesDeps): Promise<Trace> {
  const id = parseTraceId(traceId);
  const [trace] = buildTraces(await traceSpans(deps, id));
  if (!trace) {
    throw new GiniError(`trace ${id} not found in Jaeger`, {
      hint: "Jaeger keeps traces in memory, so a restarted stack has lost older ones; `gini traces` lists the recent ones",
    });
  }
  return trace;
}

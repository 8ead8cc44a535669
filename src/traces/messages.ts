import { plural } from "../text/index.js";
import { LOOKBACK_HOURS, type TraceFilter, type TraceSearch } from "./search.js";

/** The line above the traces: how many, from where, in which order. */
export function searchHeading(search: TraceSearch, filter: TraceFilter): string {
  const count = plural(search.traces.length, "trace") + (filter.errors ? " with an error" : "");
  return `${count} from ${search.searched.join(", ")}, most recent first`;
}

/** Why a search found nothing, and what to do: one line each. */
export function emptyReason(
  search: TraceSearch,
  filter: TraceFilter,
): { message: string; hint: string } {
  if (search.known.length === 0) {
    return {
      message: "no traces yet: Jaeger has received no spans from any service",
      hint: "send your apps some requests (`gini traffic` drives the demo); `gini doctor` checks the path from the apps to Jaeger",
    };
  }
  const asked = filter.service;
  if (asked && !search.known.includes(asked)) {
    return {
      message: `no traces from ${asked}: Jaeger has no spans from a service of that name`,
      hint: `Jaeger has spans from ${search.known.join(", ")}`,
    };
  }
  const what = filter.errors ? "traces with an error" : "traces";
  return {
    message: `no ${what} from ${search.searched.join(", ")} in the last ${LOOKBACK_HOURS} hours`,
    hint: `Jaeger has spans from ${search.known.join(", ")}; --service chooses one`,
  };
}

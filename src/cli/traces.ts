import type { Command } from "commander";

import { EXIT_USAGE, GiniError } from "../errors.js";
import { globalOptions } from "./global-options.js";
import { bad, bold, dim, say } from "./output.js";
import { reachStack } from "./reach-stack.js";

interface TracesFlags {
  service?: string;
  errors?: boolean;
  limit: string;
  json?: boolean;
}

const MAX_LIMIT = 500;

function parseLimit(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new GiniError(`--limit: "${text}" is not a number of traces from 1 to ${MAX_LIMIT}`, {
      hint: "e.g. --limit 20",
      exitCode: EXIT_USAGE,
    });
  }
  return n;
}

/** A trace id names one trace: the search flags would silently do nothing with it. */
function refuseSearchFlags(cmd: Command): void {
  const given = ["service", "errors", "limit"].filter((o) => cmd.getOptionValueSource(o) === "cli");
  if (given.length > 0) {
    throw new GiniError(`a trace id takes no --${given.join(", --")}`, {
      hint: "`gini traces TRACE_ID` prints that trace; `gini traces --errors` searches",
      exitCode: EXIT_USAGE,
    });
  }
}

/** `gini traces`: recent traces from Jaeger as span trees, or one trace by id. */
export function registerTraces(program: Command): void {
  program
    .command("traces")
    .description("show recent traces from Jaeger as span trees, with errors marked")
    .argument("[trace-id]", "print only this trace")
    .option(
      "--service <name>",
      "traces through this service (default: the services of the project's apps)",
    )
    .option("--errors", "only traces with an error span")
    .option("--limit <n>", "at most this many traces", "10")
    .option("--json", "print a JSON document: { services, knownServices, traces }")
    .action(async (traceId: string | undefined, flags: TracesFlags, cmd: Command) => {
      const limit = parseLimit(flags.limit);
      if (traceId !== undefined) refuseSearchFlags(cmd);
      const [{ loadProjectOrDefaults }, traces, { appServices }] = await Promise.all([
        import("../config/index.js"),
        import("../traces/index.js"),
        import("../red/index.js"),
      ]);
      const project = await loadProjectOrDefaults(globalOptions(cmd));
      const { publishedHost } = await reachStack(cmd, project);
      const deps = traces.realTracesDeps(project, publishedHost, () =>
        appServices(project, publishedHost),
      );
      const style = { bad, bold, dim };
      if (traceId !== undefined) {
        const trace = await traces.getTrace(traceId, deps);
        if (flags.json) say(JSON.stringify(traces.tracesDocument(trace, publishedHost), null, 2));
        else
          for (const line of traces.renderTrace(trace, deps.now(), publishedHost, style)) say(line);
        return;
      }
      const filter = { service: flags.service, errors: flags.errors === true, limit };
      const search = await traces.findTraces(filter, deps);
      if (flags.json) {
        say(JSON.stringify(traces.tracesDocument(search, publishedHost), null, 2));
      } else if (search.traces.length === 0) {
        const { message, hint } = traces.emptyReason(search, filter);
        say(message);
        say(dim(hint));
      } else {
        say(dim(traces.searchHeading(search, filter)));
        for (const trace of search.traces) {
          say();
          for (const line of traces.renderTrace(trace, deps.now(), publishedHost, style)) say(line);
        }
      }
    });
}

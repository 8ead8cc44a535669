import { JAEGER_OTLP_ADDRESS } from "../config/index.js";
import { NETWORK, PORTS } from "../stack/index.js";
import { plural } from "../text/index.js";
import { type Check, type CheckGroup, checksOf } from "./types.js";

const TAIL = 200;
/** A running collector's errors older than this are history, not a diagnosis. */
const WINDOW_SECONDS = 600;

const check = checksOf("collector-logs");

/** True for error-level lines in the collector's console or JSON log formats, and start-up failures. */
export function isErrorLine(line: string): boolean {
  return (
    /\t(error|fatal|panic|dpanic)\t/i.test(line) ||
    /"level"\s*:\s*"(error|fatal|panic)"/i.test(line) ||
    /^Error:/.test(line) ||
    /finished with error|^panic:/.test(line)
  );
}

/** The message of a zap console line (`ts\tlevel\tcaller\tmsg\t{fields}`) with its error field. */
export function shortLine(line: string): string {
  const f = line.split("\t");
  let text = line.trim();
  if (f.length >= 4) {
    text = f[3]!.trim();
    try {
      const fields = JSON.parse(f[4] ?? "{}") as { error?: unknown };
      if (typeof fields.error === "string") text += `: ${fields.error}`;
    } catch {
      // not JSON: the message alone
    }
  }
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** Turns the scanned lines into findings; known messages get specific hints. */
export function diagnoseLogs(lines: string[], running: boolean): Check[] {
  const checks: Check[] = [];
  const unknownType = lines.find((l) => /unknown type/.test(l));
  if (unknownType) {
    const type = /unknown type:?\s*"?([\w/.-]+)"?/.exec(unknownType)?.[1];
    checks.push(
      check(
        "collector-logs.unknown-type",
        "fail",
        `the collector rejects its config: unknown component type${type ? ` "${type}"` : ""}`,
        "`gini validate` names the line; Jaeger-only components (jaeger_storage_exporter, jaeger_query, ...) belong in config-jaeger.yaml",
      ),
    );
  }
  const inUse = lines.find((l) => /address already in use/.test(l));
  if (inUse) {
    const addr = /listen tcp4?6?\s+([^\s:]*:\d+)/.exec(inUse)?.[1];
    checks.push(
      check(
        "collector-logs.address-in-use",
        "fail",
        `a collector component cannot listen${addr ? ` on ${addr}` : ""}: address already in use`,
        "give every receiver, exporter and extension in config-spm.yaml its own port",
      ),
    );
  }
  const exportFailures = lines.filter(
    (l) => /Exporting failed|Dropping data/.test(l) && !/sending_queue is full/.test(l),
  );
  if (exportFailures.length > 0) {
    const last = shortLine(exportFailures.at(-1)!);
    // gRPC's resolver reports a name that does not resolve as "no children to pick from".
    const cause = /no such host|no children to pick from/.test(last)
      ? `jaeger's name does not resolve: is it running and on ${NETWORK}?`
      : /connection refused/.test(last)
        ? `nothing answers on ${JAEGER_OTLP_ADDRESS}: is jaeger running, with its OTLP receiver on 0.0.0.0:${PORTS.otlpGrpc}?`
        : `check that jaeger runs and is on ${NETWORK}`;
    checks.push(
      check(
        "collector-logs.export",
        "warn",
        `${plural(exportFailures.length, "failed export")} of traces to jaeger; last: ${last}`,
        `${cause} (\`gini logs jaeger\`)`,
      ),
    );
  }
  const known = new Set([unknownType, inUse, ...exportFailures]);
  const others = lines.filter((l) => isErrorLine(l) && !known.has(l));
  if (others.length > 0) {
    checks.push(
      check(
        "collector-logs.errors",
        running ? "warn" : "fail",
        `${plural(others.length, "error line")}; last: ${shortLine(others.at(-1)!)}`,
        "`gini logs otel-collector` shows them in context",
      ),
    );
  }
  return checks;
}

/** 5. The collector's recent logs, scanned for errors. */
export const checkCollectorLogs: CheckGroup = async (ctx) => {
  const c = ctx.services["otel-collector"];
  if (!ctx.engineOk || !c.info || c.foreign) {
    return [check("collector-logs", "skip", "not checked: there is no collector container", null)];
  }
  const lines: string[] = [];
  const since = Math.floor(ctx.now() / 1000) - WINDOW_SECONDS;
  try {
    await ctx.docker.logs(c.info.id, { tail: TAIL, ...(c.running ? { since } : {}) }, (l) =>
      lines.push(l.text),
    );
  } catch (err) {
    return [check("collector-logs", "warn", `cannot read its logs: ${String(err)}`, null)];
  }
  const checks = diagnoseLogs(lines, c.running);
  if (checks.length === 0) {
    checks.push(
      check(
        "collector-logs",
        "pass",
        `no errors in its last ${lines.length} log lines${c.running ? " (10 min)" : ""}`,
        null,
      ),
    );
  }
  return checks;
};

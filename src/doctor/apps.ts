import { type AppFacts, appTarget, otlpEndpoint } from "../apps/index.js";
import { isLoopback, parseEndpoint, PORTS } from "../config/index.js";
import { resolveApps } from "./app-info.js";
import { exportEvidence } from "./export-evidence.js";
import { servicesInJaeger } from "./jaeger.js";
import { servicesOfApps, servicesWithMetrics } from "./span-metrics.js";
import { type Check, type CheckGroup, checksOf } from "./types.js";

const check = checksOf("apps");

const GRPC = PORTS.otlpGrpc;
const HTTP = PORTS.otlpHttp;

/**
 * The app's OTLP settings against the collector's ports; seen says whether its spans arrived. A
 * host app reaches them on any loopback name (as gini's own rules say), and gini injects them on
 * `publishedHost`.
 */
export function envCheck(app: AppFacts, seen: boolean | undefined, publishedHost: string): Check {
  const id = `app.${app.name}`;
  const who = app.kind === "host" ? `${app.name} (pid ${app.pid})` : `${app.name} (container)`;
  const wanted = otlpEndpoint(appTarget(app.kind, publishedHost), app.otlp);
  const env = app.envs.find((e) => !e.OTEL_EXPORTER_OTLP_ENDPOINT) ?? app.envs[0];
  if (!env) return check(id, "warn", `${who} runs; its environment is not readable`, null);
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL;
  const unsetFix = `remove what unsets or empties it (the app's env in gini.yaml, or its command); gini injects ${wanted}`;
  if (!endpoint) {
    return check(
      id,
      seen ? "warn" : "fail",
      `${who} runs without OTEL_EXPORTER_OTLP_ENDPOINT${seen ? " (its SDK's default happens to work)" : ", so its SDK exports to its default, if anywhere"}`,
      unsetFix,
    );
  }
  const ep = parseEndpoint(endpoint);
  if (!ep || (ep.port !== GRPC && ep.port !== HTTP)) {
    return check(
      id,
      "fail",
      `${who} exports to ${endpoint}, not to the collector (${GRPC} gRPC, ${HTTP} HTTP)`,
      `set OTEL_EXPORTER_OTLP_ENDPOINT=${wanted}`,
    );
  }
  if (app.kind === "host" ? !isLoopback(ep.host) : ep.host.toLowerCase() !== "otel-collector") {
    return check(
      id,
      "fail",
      `${who} exports to ${endpoint}, which it cannot reach${app.kind === "host" ? " from the host" : " from gini-network"}`,
      `set OTEL_EXPORTER_OTLP_ENDPOINT=${wanted}`,
    );
  }
  const grpc = protocol === "grpc";
  if (protocol && grpc !== (ep.port === GRPC)) {
    return check(
      id,
      "fail",
      `${who} speaks ${protocol} to port ${ep.port}, which expects ${ep.port === GRPC ? "grpc" : "http/protobuf"}`,
      ep.port === GRPC
        ? `set OTEL_EXPORTER_OTLP_PROTOCOL=grpc, or export to port ${HTTP}`
        : `set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf, or export to port ${GRPC} over grpc`,
    );
  }
  if (!protocol && ep.port === GRPC) {
    return check(
      id,
      "warn",
      `${who} exports to ${endpoint} with no OTEL_EXPORTER_OTLP_PROTOCOL; most SDKs default to http/protobuf, which port ${GRPC} does not speak`,
      "set OTEL_EXPORTER_OTLP_PROTOCOL=grpc",
    );
  }
  return check(
    id,
    "pass",
    `${who} runs, exports to ${endpoint} over ${protocol ?? "http/protobuf"} as ${app.service}`,
    null,
  );
}

/**
 * Whether the app's spans arrived: any service its span metrics mark with gini_app=<app> (a
 * multi-service app names its own services), else its service name in Jaeger or the span metrics
 * (an app whose spans lack the attribute).
 */
function seenCheck(
  app: AppFacts,
  sent: string[],
  jaeger: string[] | undefined,
  known: Set<string> | undefined,
): Check {
  const id = `app.${app.name}.seen`;
  if (sent.length > 0) {
    return check(
      id,
      "pass",
      `${app.name} sends ${sent.join(", ")} (seen in the span metrics)`,
      null,
    );
  }
  if (known === undefined) {
    return check(
      id,
      "skip",
      `not checked whether ${app.service} was seen: Jaeger and Prometheus do not answer`,
      null,
    );
  }
  if (known.has(app.service)) {
    const by = jaeger?.includes(app.service) ? "Jaeger" : "the collector";
    return check(id, "pass", `${app.service} seen by ${by}`, null);
  }
  return check(
    id,
    "warn",
    `no spans from ${app.name} have reached the collector or Jaeger yet (neither service ${app.service} nor any marked gini.app=${app.name})`,
    `send it a request; if nothing arrives, check its OTEL environment and \`gini logs ${app.name}\``,
  );
}

/** 10. Apps: each runs, exports to the collector with a matching protocol, and has been seen. */
export const checkApps: CheckGroup = async (ctx) => {
  const apps = await resolveApps(ctx);
  const [jaeger, metrics, byApp] = await Promise.all([
    servicesInJaeger(ctx),
    servicesWithMetrics(ctx),
    servicesOfApps(ctx),
  ]);
  const known = jaeger || metrics ? new Set([...(jaeger ?? []), ...(metrics ?? [])]) : undefined;
  return apps.flatMap((app): Check[] => {
    const id = `app.${app.name}`;
    if (app.state === "stopped") {
      return [check(id, "skip", `${app.name} was not started by gini`, null)];
    }
    if (app.state === "exited") {
      return [
        check(
          id,
          "fail",
          `${app.name} has exited${app.pid ? ` (pid ${app.pid})` : ""}`,
          `\`gini logs ${app.name}\` shows why; \`gini up -d\` starts it again`,
        ),
      ];
    }
    const sent = byApp?.[app.name] ?? [];
    const seen = sent.length > 0 || known?.has(app.service);
    // The environment alone never passes an app whose log shows failed exports; a wrong
    // environment is the better finding when both are wrong, since its fix comes first.
    const env = envCheck(app, seen, ctx.publishedHost);
    return [
      env.status === "fail" ? env : (exportEvidence(app, ctx.publishedHost) ?? env),
      seenCheck(app, sent, jaeger, known),
    ];
  });
};

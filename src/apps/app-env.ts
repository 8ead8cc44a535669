import type { AppConfig, OtlpTransport } from "../config/index.js";
import { hostUrl, PORTS } from "../stack/index.js";
import { withGiniApp } from "./resource-attributes.js";

/**
 * Where an app runs, which decides how it reaches the collector: a host process through the ports
 * published on `publishedHost` (localhost, or a remote engine's host: see the CLI's reachStack),
 * a container by name on gini-network.
 */
export type AppTarget = { kind: "host"; publishedHost: string } | { kind: "container" };

/** The target of an app of `kind` for a command that settled its published host. */
export function appTarget(kind: AppTarget["kind"], publishedHost: string): AppTarget {
  return kind === "host" ? { kind, publishedHost } : { kind };
}

/** Each OTLP transport's collector port and its OTEL_EXPORTER_OTLP_PROTOCOL value. */
const TRANSPORTS: Record<OtlpTransport, { port: number; protocol: string }> = {
  grpc: { port: PORTS.otlpGrpc, protocol: "grpc" },
  http: { port: PORTS.otlpHttp, protocol: "http/protobuf" },
};

/**
 * The collector's OTLP endpoint for a transport as each kind of app reaches it: host apps where
 * the port is published, containers by name on gini-network.
 */
export function otlpEndpoint(target: AppTarget, transport: OtlpTransport = "grpc"): string {
  const { port } = TRANSPORTS[transport];
  return target.kind === "host"
    ? hostUrl(target.publishedHost, port, "")
    : `http://otel-collector:${port}`;
}

/**
 * Where and how an app exports: the two variables the SDKs read, for apps of one kind and one
 * transport (gini.yaml's `otlp:`). `gini export kubernetes` hands the container ones to a
 * cluster's workloads as well. The general variables suffice: the signal-specific ones
 * (OTEL_EXPORTER_OTLP_TRACES_*) only override them, and gini sets none of those.
 */
export function otlpExporterEnv(
  target: AppTarget,
  transport: OtlpTransport = "grpc",
): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint(target, transport),
    OTEL_EXPORTER_OTLP_PROTOCOL: TRANSPORTS[transport].protocol,
  };
}

/** Batch delay gini asks SDKs for (ms): spans reach Jaeger within a second, not after 5 s. */
const BATCH_DELAY_MS = "500";

/**
 * The SDK log level gini asks for unless the user's shell sets one. OpenTelemetry JS stays silent
 * about failed exports without it; with it, they reach the app's log, where `gini doctor` reads
 * them. SDKs that log export failures anyway (Go, Python, Java, .NET) do not read it.
 */
const SDK_LOG_LEVEL = "error";

/**
 * The environment an app starts with, in three layers, later ones winning:
 *
 * 1. `inherited`: gini's own environment for host apps (PATH, HOME, ...); nothing for
 *    containers, whose image brings its own.
 * 2. What gini injects: OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_PROTOCOL for the app's
 *    `otlp:` transport, OTEL_SERVICE_NAME=<name> and OTEL_BSP_SCHEDULE_DELAY. These win over
 *    OTEL_* variables inherited from the user's shell: a leftover endpoint or service name there
 *    would send every app's spans elsewhere or under one name, which is the failure gini exists to
 *    avoid. OTEL_LOG_LEVEL=error too, unless the shell sets a level.
 * 3. The app's own `env` from gini.yaml: the one place to override gini, so it always wins.
 *
 * OTEL_RESOURCE_ATTRIBUTES is merged instead of replaced: `gini.app=<name>` first, then the
 * inherited value's and the app's env's keys, which win per key.
 */
export function appEnv(
  name: string,
  app: Pick<AppConfig, "env" | "otlp">,
  target: AppTarget,
  inherited: NodeJS.ProcessEnv = target.kind === "host" ? process.env : {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(inherited)) {
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, {
    ...otlpExporterEnv(target, app.otlp),
    OTEL_SERVICE_NAME: name,
    OTEL_BSP_SCHEDULE_DELAY: BATCH_DELAY_MS,
  });
  env.OTEL_LOG_LEVEL ??= SDK_LOG_LEVEL;
  Object.assign(env, app.env ?? {});
  env.OTEL_RESOURCE_ATTRIBUTES = withGiniApp(
    name,
    inherited.OTEL_RESOURCE_ATTRIBUTES,
    app.env?.OTEL_RESOURCE_ATTRIBUTES,
  );
  return env;
}

import type { AppConfig } from "../config/index.js";
import { hostUrl, PORTS } from "../stack/index.js";

/** Where an app runs: a host process, or a container on gini-network. */
export type AppTarget = "host" | "container";

/**
 * The collector's OTLP/gRPC endpoint as each kind of app reaches it: host apps where the port is
 * published (localhost, or a remote engine's host), containers by name on gini-network.
 */
export function otlpEndpoint(target: AppTarget): string {
  return target === "host"
    ? hostUrl(PORTS.otlpGrpc, "")
    : `http://otel-collector:${PORTS.otlpGrpc}`;
}

/**
 * Where and how an app exports: the two variables the SDKs read, for apps of one kind. `gini
 * export kubernetes` hands the container ones to a cluster's workloads as well.
 */
export function otlpExporterEnv(target: AppTarget): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint(target),
    OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
  };
}

/** Batch delay gini asks SDKs for (ms): spans reach Jaeger within a second, not after 5 s. */
const BATCH_DELAY_MS = "500";

/**
 * The environment an app starts with, in three layers, later ones winning:
 *
 * 1. `inherited`: gini's own environment for host apps (PATH, HOME, ...); nothing for
 *    containers, whose image brings its own.
 * 2. What gini injects: OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL=grpc,
 *    OTEL_SERVICE_NAME=<name> and OTEL_BSP_SCHEDULE_DELAY. These win over OTEL_* variables
 *    inherited from the user's shell: a leftover endpoint or service name there would send every
 *    app's spans elsewhere or under one name, which is the failure gini exists to avoid.
 * 3. The app's own `env` from gini.yaml: the one place to override gini, so it always wins.
 */
export function appEnv(
  name: string,
  app: Pick<AppConfig, "env">,
  target: AppTarget,
  inherited: NodeJS.ProcessEnv = target === "host" ? process.env : {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(inherited)) {
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, {
    ...otlpExporterEnv(target),
    OTEL_SERVICE_NAME: name,
    OTEL_BSP_SCHEDULE_DELAY: BATCH_DELAY_MS,
  });
  return Object.assign(env, app.env ?? {});
}

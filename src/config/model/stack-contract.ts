/**
 * What the three config files and gini's stack must agree on, written once: the rules check the
 * files against it, and the services table (src/stack/services.ts) is built from it. The service
 * names, which are also the hosts on the network, are SERVICE_NAMES in ../schema.ts.
 */

/** The Docker network the stack's containers share; they reach each other there by name. */
export const NETWORK = "gini-network";

/** The ports of the stack by what they serve; gini publishes each at the same number on the host. */
export const PORTS = {
  /** Collector: OTLP over gRPC, where apps export (the OTLP receiver's default; Jaeger's too). */
  otlpGrpc: 4317,
  /** Collector: OTLP over HTTP (the OTLP receiver's default). */
  otlpHttp: 4318,
  /** Collector: its own metrics (otelcol_*), a pull prometheus reader (the collector's default). */
  selfMetrics: 8888,
  /** Collector: the span metrics, served by its prometheus exporter for Prometheus to scrape. */
  spanMetrics: 8889,
  /** Collector: the health_check extension, gini's readiness probe (the extension's default). */
  health: 13133,
  /** Jaeger: UI and HTTP API (jaeger_query's default). */
  jaegerUi: 16686,
  /** Jaeger: jaeger_query's gRPC API (its default); not published. */
  jaegerGrpc: 16685,
  /** Prometheus: UI, API and readiness (its default). */
  prometheus: 9090,
} as const;

/** Where Jaeger's Monitor tab reads metrics: the prometheus service, by name on the network. */
export const PROMETHEUS_URL = `http://prometheus:${PORTS.prometheus}`;

/** Where the collector exports traces: Jaeger's OTLP gRPC receiver, by name on the network. */
export const JAEGER_OTLP_ADDRESS = `jaeger:${PORTS.otlpGrpc}`;

/**
 * The published host of a local engine, and of a remote one whose ports an SSH tunnel brings
 * here: what a command passes as `publishedHost` unless the CLI's reachStack settled another.
 */
export const LOCALHOST = "localhost";

/**
 * Where a user on this machine reaches a published port: on `publishedHost`, which a command
 * settles once (the CLI's reachStack) and passes down: localhost whatever the bind address, or a
 * remote engine's host when gini.yaml's `bind` exposes the ports there. The stack's services table
 * re-exports it; it lives here so that `gini red` reaches Prometheus without loading the stack's
 * Docker client.
 */
export function hostUrl(publishedHost: string, port: number, path = "/"): string {
  const host = publishedHost.includes(":") ? `[${publishedHost}]` : publishedHost;
  return `http://${host}:${port}${path}`;
}

/**
 * Where gini itself reaches a published port (readiness, status, doctor, traces): the loopback
 * address when the ports are on this machine (or tunnelled here), so that a probe never depends
 * on how `localhost` resolves; else the remote engine's host, as for the user (hostUrl).
 */
export function probeUrl(publishedHost: string, port: number, path: string): string {
  return hostUrl(publishedHost === LOCALHOST ? "127.0.0.1" : publishedHost, port, path);
}

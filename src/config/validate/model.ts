/** Helpers to read collector-style configs (the collector and Jaeger v2 share the format). */

/** The component sections of a collector config. */
export const COMPONENT_KINDS = [
  "receivers",
  "processors",
  "exporters",
  "connectors",
  "extensions",
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** A plain object, or undefined for anything else. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The value at `keys`, or undefined when any step is missing. */
export function get(data: unknown, ...keys: string[]): unknown {
  let value = data;
  for (const key of keys) value = asRecord(value)?.[key];
  return value;
}

/** A component's type: the part of its id before `/` (`otlp_grpc/jaeger` → `otlp_grpc`). */
export function typeOf(id: string): string {
  return id.split("/")[0] ?? id;
}

/**
 * Compares types the way renames allow, so rules work with either spelling: underscores are
 * ignored (`span_metrics` and its deprecated alias `spanmetrics` match, as do `otlp_http` and
 * `otlphttp`), and `otlp_grpc` matches `otlp`, the exporter's deprecated alias (and the receiver's
 * current name). Whether a spelling is deprecated is the deprecated-name rule's business.
 */
export function sameType(id: string, type: string): boolean {
  const norm = (t: string) => {
    const flat = t.toLowerCase().replace(/_/g, "");
    return flat === "otlpgrpc" ? "otlp" : flat;
  };
  return norm(typeOf(id)) === norm(type);
}

/** Ids defined in one component section. */
export function componentIds(data: unknown, kind: ComponentKind): string[] {
  return Object.keys(asRecord(get(data, kind)) ?? {});
}

/** Every component defined in the collector config, section by section. */
export function allComponents(data: unknown): { kind: ComponentKind; id: string; type: string }[] {
  return COMPONENT_KINDS.flatMap((kind) =>
    componentIds(data, kind).map((id) => ({ kind, id, type: typeOf(id) })),
  );
}

/** One pipeline under service.pipelines. */
export interface Pipeline {
  /** Its id, e.g. `traces` or `metrics/spanmetrics`. */
  id: string;
  /** traces, metrics, logs or profiles: the part before `/`. */
  signal: string;
  receivers: string[];
  processors: string[];
  exporters: string[];
}

/** The pipelines under service.pipelines, with non-string entries dropped. */
export function pipelines(data: unknown): Pipeline[] {
  const all = asRecord(get(data, "service", "pipelines")) ?? {};
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  return Object.entries(all).map(([id, p]) => ({
    id,
    signal: typeOf(id),
    receivers: list(get(p, "receivers")),
    processors: list(get(p, "processors")),
    exporters: list(get(p, "exporters")),
  }));
}

/** Extensions listed under service.extensions. */
export function serviceExtensions(data: unknown): string[] {
  const value = get(data, "service", "extensions");
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Host and port of a `host:port` endpoint or a URL; port is undefined when absent. */
export function parseEndpoint(value: string): { host: string; port?: number } {
  let rest = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  rest = rest.split("/")[0] ?? rest;
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(rest);
  if (bracketed) {
    return { host: bracketed[1] ?? "", port: bracketed[2] ? Number(bracketed[2]) : undefined };
  }
  const colon = rest.lastIndexOf(":");
  if (colon < 0) return { host: rest };
  const port = Number(rest.slice(colon + 1));
  return { host: rest.slice(0, colon), port: Number.isInteger(port) ? port : undefined };
}

/** True for names that mean "this container only": localhost, 127.x, ::1. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === "localhost" || h.startsWith("127.") || h === "::1";
}

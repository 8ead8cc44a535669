/** Readers of collector-style configs: the collector's and Jaeger v2's, which share the format. */
import { asRecord, get, str, strings } from "./data.js";
import { parseEndpoint } from "./endpoint.js";
import type { KeyPath } from "./yaml-file.js";

/**
 * The collector's own counter of spans its receivers accepted, as its self-metrics (:8888) serve
 * it: collector 0.165 without a `_total` suffix, some builds and older releases with one.
 */
export const ACCEPTED_SPANS_METRIC = "otelcol_receiver_accepted_spans";

/** The component sections of a collector config. */
const COMPONENT_KINDS = [
  "receivers",
  "processors",
  "exporters",
  "connectors",
  "extensions",
] as const;
/** One of the component sections. */
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** A component's type: the part of its id before `/` (`otlp_grpc/jaeger` → `otlp_grpc`). */
export function typeOf(id: string): string {
  return id.split("/")[0] ?? id;
}

/**
 * Compares types the way renames allow, so readers work with either spelling: underscores are
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

/** Ids of one section's components of a type, in file order. */
export function idsOfType(data: unknown, kind: ComponentKind, type: string): string[] {
  return componentIds(data, kind).filter((id) => sameType(id, type));
}

/** Every component defined in the config, section by section. */
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
  return Object.entries(all).map(([id, p]) => ({
    id,
    signal: typeOf(id),
    receivers: strings(get(p, "receivers")),
    processors: strings(get(p, "processors")),
    exporters: strings(get(p, "exporters")),
  }));
}

/** Extensions listed under service.extensions. */
export function serviceExtensions(data: unknown): string[] {
  return strings(get(data, "service", "extensions"));
}

/** The collector's prometheus exporters in file order, each with its endpoint's port if it has one. */
export function prometheusExporters(collector: unknown): { id: string; port?: number }[] {
  return idsOfType(collector, "exporters", "prometheus").map((id) => {
    const endpoint = str(get(collector, "exporters", id, "endpoint"));
    return { id, port: endpoint === undefined ? undefined : parseEndpoint(endpoint)?.port };
  });
}

/** The collector's own metrics reader (service.telemetry.metrics.readers[].pull.exporter.prometheus). */
export function selfMetricsReader(
  collector: unknown,
): { host?: string; port?: number; keys: KeyPath } | undefined {
  const readers = get(collector, "service", "telemetry", "metrics", "readers");
  if (!Array.isArray(readers)) return undefined;
  const index = readers.findIndex((r) => asRecord(get(r, "pull", "exporter", "prometheus")));
  if (index < 0) return undefined;
  const prom = get(readers[index], "pull", "exporter", "prometheus");
  const port = get(prom, "port");
  return {
    host: str(get(prom, "host")),
    port: typeof port === "number" ? port : undefined,
    keys: ["service", "telemetry", "metrics", "readers", index, "pull", "exporter", "prometheus"],
  };
}

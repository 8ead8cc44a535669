/** Readers of Jaeger v2's config-jaeger.yaml, where the Monitor tab's metric backend is set. */
import { asRecord, get } from "./data.js";
import type { KeyPath } from "./yaml-file.js";

/** Jaeger's Prometheus metric backend as jaeger_query uses it. */
export interface JaegerMetricBackend {
  /** Name under jaeger_storage.metric_backends. */
  name: string;
  /** Its `prometheus:` block, or undefined when it is another kind of backend. */
  prometheus?: Record<string, unknown>;
  /** Key path of the backend entry. */
  keys: KeyPath;
}

/** The id of the first extension of a type, e.g. `jaeger_query` or `jaeger_query/ui`. */
function extensionOfType(data: unknown, type: string): string | undefined {
  return Object.keys(asRecord(get(data, "extensions")) ?? {}).find(
    (id) => id.split("/")[0] === type,
  );
}

/**
 * The metric backend that jaeger_query.storage.metrics names, resolved when it exists; undefined
 * when there is no jaeger_query at all.
 */
export function jaegerMetricBackend(
  data: unknown,
): { queryKey: string; name?: string; backend?: JaegerMetricBackend } | undefined {
  const queryKey = extensionOfType(data, "jaeger_query");
  if (!queryKey) return undefined;
  const name = get(data, "extensions", queryKey, "storage", "metrics");
  if (typeof name !== "string") return { queryKey };
  const storageKey = extensionOfType(data, "jaeger_storage");
  const entry = storageKey
    ? get(data, "extensions", storageKey, "metric_backends", name)
    : undefined;
  if (entry === undefined || !storageKey) return { queryKey, name };
  return {
    queryKey,
    name,
    backend: {
      name,
      prometheus: asRecord(get(entry, "prometheus")),
      keys: ["extensions", storageKey, "metric_backends", name],
    },
  };
}

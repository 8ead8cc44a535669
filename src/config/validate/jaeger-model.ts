import type { KeyPath } from "./document.js";
import { asRecord, get } from "./model.js";

/** Jaeger's Prometheus metric backend as jaeger_query uses it. */
export interface JaegerMetricBackend {
  /** Name under jaeger_storage.metric_backends. */
  name: string;
  /** Its `prometheus:` block, or undefined when it is another kind of backend. */
  prometheus?: Record<string, unknown>;
  /** Key path of the backend entry. */
  keys: KeyPath;
}

/** The metric backend that jaeger_query.storage.metrics names, resolved when it exists. */
export function jaegerMetricBackend(
  data: unknown,
): { queryKey: string; name?: string; backend?: JaegerMetricBackend } | undefined {
  const queryKey = Object.keys(asRecord(get(data, "extensions")) ?? {}).find(
    (id) => id.split("/")[0] === "jaeger_query",
  );
  if (!queryKey) return undefined;
  const name = get(data, "extensions", queryKey, "storage", "metrics");
  if (typeof name !== "string") return { queryKey };
  const storageKey = Object.keys(asRecord(get(data, "extensions")) ?? {}).find(
    (id) => id.split("/")[0] === "jaeger_storage",
  );
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

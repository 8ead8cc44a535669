import type { KeyPath } from "./document.js";
import { asRecord, get, parseEndpoint } from "./model.js";

/** One static scrape target of prometheus.yml. */
export interface ScrapeTarget {
  raw: string;
  host: string;
  port?: number;
  job: string;
  /** Where the target sits in prometheus.yml. */
  keys: KeyPath;
  /** The job's scrape_interval, or the global one, as written (undefined when neither is set). */
  interval?: string;
}

/** Every static_configs target across scrape_configs. */
export function scrapeTargets(data: unknown): ScrapeTarget[] {
  const jobs = get(data, "scrape_configs");
  if (!Array.isArray(jobs)) return [];
  const globalInterval = get(data, "global", "scrape_interval");
  return jobs.flatMap((job, i) => {
    const statics = get(job, "static_configs");
    const name = String(get(job, "job_name") ?? `#${i + 1}`);
    const interval = get(job, "scrape_interval") ?? globalInterval;
    if (!Array.isArray(statics)) return [];
    return statics.flatMap((sc, j) => {
      const targets = asRecord(sc)?.targets;
      if (!Array.isArray(targets)) return [];
      return targets
        .map((raw, k) => ({ raw, k }))
        .filter((t): t is { raw: string; k: number } => typeof t.raw === "string")
        .map(({ raw, k }) => ({
          raw,
          ...parseEndpoint(raw),
          job: name,
          keys: ["scrape_configs", i, "static_configs", j, "targets", k],
          interval: typeof interval === "string" ? interval : undefined,
        }));
    });
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
  const host = get(prom, "host");
  const port = get(prom, "port");
  return {
    host: typeof host === "string" ? host : undefined,
    port: typeof port === "number" ? port : undefined,
    keys: ["service", "telemetry", "metrics", "readers", index, "pull", "exporter", "prometheus"],
  };
}

/** Seconds in a Go or Prometheus duration (`500ms`, `5s`, `1m30s`, `1h`), or undefined if unparseable. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const units: Record<string, number> = {
    ms: 0.001,
    s: 1,
    m: 60,
    h: 3600,
    d: 86400,
    w: 604800,
    y: 31536000,
  };
  const parts = [...value.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== value.trim()) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * (units[p[2] ?? "s"] ?? 1), 0);
}

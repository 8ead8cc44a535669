/** Readers of prometheus.yml. */
import { asRecord, get, str } from "./data.js";
import { parseEndpoint } from "./endpoint.js";
import type { KeyPath } from "./yaml-file.js";

/** Prometheus' scrape_interval when neither the job nor `global:` sets one (1m). */
export const DEFAULT_SCRAPE_SECONDS = 60;

/** One static scrape target of prometheus.yml. */
export interface ScrapeTarget {
  /** As written, e.g. `otel-collector:8889`. */
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
    const jobName = get(job, "job_name");
    // YAML may give a number; anything else unnamed is numbered.
    const name =
      typeof jobName === "string" || typeof jobName === "number" ? String(jobName) : `#${i + 1}`;
    const interval = str(get(job, "scrape_interval") ?? globalInterval);
    if (!Array.isArray(statics)) return [];
    return statics.flatMap((sc, j) => {
      const targets = asRecord(sc)?.targets;
      if (!Array.isArray(targets)) return [];
      return targets.flatMap((raw: unknown, k) =>
        typeof raw === "string"
          ? [
              {
                raw,
                ...(parseEndpoint(raw) ?? { host: raw }),
                job: name,
                keys: ["scrape_configs", i, "static_configs", j, "targets", k],
                interval,
              },
            ]
          : [],
      );
    });
  });
}

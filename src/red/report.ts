/**
 * The RED model: what `gini red --json` prints. A stable document: fields are only ever added.
 */
/** Latency quantiles in milliseconds; null when the window holds no request. */
interface Latencies {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** The RED figures of a service, or of one of its operations, over the window. */
export interface RedFigures {
  /** Requests (spans of the selected kind) per second, averaged over the window. */
  requestsPerSecond: number;
  /** Requests in the window: the rate times the window, rounded. */
  requests: number;
  /** Failed requests (span status Error) in percent of all; null when there was no request. */
  errorPercent: number | null;
  /** Latency quantiles from the duration histogram, in milliseconds. */
  latencyMs: Latencies;
  /**
   * Requests per second over the last minutes (`historySeconds`), one point per `historyStepSeconds`,
   * oldest first; null where Prometheus has no value. Empty for `gini check`.
   */
  history: (number | null)[];
}

/** One operation (span name) of a service. */
export interface RedOperation extends RedFigures {
  name: string;
}

/** One service (`service.name`), with its operations sorted by name. */
export interface RedService extends RedFigures {
  name: string;
  /** Empty when operations were not asked for (`gini check` without `--operation`). */
  operations: RedOperation[];
}

/** What figures were read, and from where: the head of both `red --json` and `check --json`. */
export interface RedReportHead {
  /** Where the figures come from, e.g. http://localhost:9090. */
  prometheus: string;
  /** When they were taken (ISO 8601). */
  at: string;
  /** The rate window in seconds (`--window`). */
  windowSeconds: number;
  /** The span kind counted as requests (`--span-kind`), or null for every kind. */
  spanKind: string | null;
  /** The `--service` filter, or null. */
  service: string | null;
  /** The `--operation` filter, or null. */
  operation: string | null;
}

/** `gini red --json`. */
export interface RedReport extends RedReportHead {
  /** How far back `history` reaches, and its step, in seconds. */
  historySeconds: number;
  historyStepSeconds: number;
  /** The services with span metrics for the selection, sorted by name. */
  services: RedService[];
  /** Why there are no services, or null when there are. */
  noData: NoData | null;
}

/** Why there is nothing to show. Part of the stable JSON documents of `gini red` and `gini check`. */
export interface NoData {
  /**
   * `no-scrape-target`: prometheus.yml does not scrape the span metrics; `target-down`: Prometheus
   * cannot scrape them; `not-scraped-yet`: it has not yet; `no-spans`: the collector received no
   * spans; `no-span-metrics-yet`: spans arrived, their metrics are not in Prometheus yet;
   * `no-match`: span metrics exist, but none for the service, kind or operation asked for;
   * `window-too-short`: the window holds fewer than two scrapes; `one-scrape-so-far`: the series
   * are new and a rate needs a second scrape; `no-recent-data`: nothing within the window.
   */
  reason:
    | "no-scrape-target"
    | "target-down"
    | "not-scraped-yet"
    | "no-spans"
    | "no-span-metrics-yet"
    | "no-match"
    | "window-too-short"
    | "one-scrape-so-far"
    | "no-recent-data";
  /** One line: what gini saw. */
  message: string;
  /** One line: what to do. */
  hint: string;
}

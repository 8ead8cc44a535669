// TEST STAND-IN, not the product: the spanmetrics connector: per-series call counts and duration
// histograms from spans, published to the metrics pipeline every metrics_flush_interval.
import { parseDuration } from "./config.mjs";
import { anyValue, forEachSpan, SPAN_KINDS, STATUS_CODES } from "./spans.mjs";

const DEFAULT_BUCKETS_MS = [
  2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10000, 15000,
];
const BASE_DIMENSIONS = ["service.name", "span.name", "span.kind", "status.code"];

export function createSpanMetrics(id, cfg = {}, { log }) {
  const namespace = cfg.namespace ?? "traces.span.metrics";
  // Newer collectors (connector.spanmetrics.useSecondAsDefaultMetricsUnit) default to seconds.
  const unit = cfg.histogram?.unit ?? "s";
  const toUnit = (ms) => (unit === "s" ? ms / 1000 : ms);
  const buckets = cfg.histogram?.explicit?.buckets;
  const bounds = (buckets ?? DEFAULT_BUCKETS_MS).map((b) => toUnit(parseDuration(b, 0)));
  const histogramDisabled = cfg.histogram?.disable === true;
  const dimensions = (cfg.dimensions ?? []).map((d) => (typeof d === "string" ? { name: d } : d));
  const excluded = new Set(cfg.exclude_dimensions ?? []);
  const flushMs = parseDuration(cfg.metrics_flush_interval, 60_000);
  const live = new Map();
  let published = [];
  let timer = null;

  const record = (span, resource) => {
    const attrs = {};
    for (const kv of span.attributes ?? []) attrs[kv.key] = anyValue(kv.value);
    const base = {
      "service.name": resource["service.name"] ?? "",
      "span.name": span.name ?? "",
      "span.kind": SPAN_KINDS[span.kind ?? 0],
      "status.code": STATUS_CODES[span.status?.code ?? 0],
    };
    const labels = {};
    for (const name of BASE_DIMENSIONS) if (!excluded.has(name)) labels[name] = base[name];
    for (const d of dimensions) {
      const value = attrs[d.name] ?? resource[d.name] ?? d.default;
      if (value !== undefined && value !== null) labels[d.name] = String(value);
    }
    const key = JSON.stringify([labels, resource]);
    let series = live.get(key);
    if (!series) {
      series = { labels, resource, calls: 0, counts: new Array(bounds.length + 1).fill(0), sum: 0 };
      live.set(key, series);
    }
    const ms =
      Number(BigInt(span.endTimeUnixNano ?? 0) - BigInt(span.startTimeUnixNano ?? 0)) / 1e6;
    const value = toUnit(Math.max(0, ms));
    series.calls += 1;
    series.sum += value;
    const i = bounds.findIndex((b) => value <= b);
    series.counts[i === -1 ? bounds.length : i] += 1;
  };

  const flush = () => {
    published = [...live.values()].map((s) => ({ ...s, counts: [...s.counts] }));
  };

  return {
    namespace,
    unit,
    bounds,
    histogramDisabled,
    consumeTraces(req) {
      forEachSpan(req, record);
    },
    /** The series as of the last flush: [{ labels, resource, calls, counts, sum }]. */
    snapshot: () => published,
    start() {
      timer = setInterval(flush, flushMs);
      timer.unref();
      log.info("Started spanmetrics connector", { metrics_flush_interval: `${flushMs}ms` });
    },
    stop: () => clearInterval(timer),
  };
}

// TEST STAND-IN, not the product: Jaeger's Prometheus metrics reader (SPM / Monitor tab): builds
// the same PromQL as jaeger's metricstore and maps query_range results to its MetricFamily JSON.

export class BadRequest extends Error {}

function promDuration(ms) {
  for (const [unit, size] of [
    ["h", 3600000],
    ["m", 60000],
    ["s", 1000],
  ])
    if (ms >= size) return `${Math.floor(ms / size)}${unit}`;
  return `${ms}ms`;
}

/** Parses /api/metrics/* query parameters with Jaeger's defaults. */
export function parseMetricsParams(url, needQuantile) {
  const q = url.searchParams;
  const services = q
    .getAll("service")
    .flatMap((s) => s.split(","))
    .filter(Boolean);
  if (services.length === 0) throw new BadRequest("please provide at least one service name");
  const num = (name, def) => {
    const raw = q.get(name);
    if (raw === null || raw === "") return def;
    const n = Number(raw);
    if (!Number.isFinite(n))
      throw new BadRequest(`unable to parse param '${name}': invalid syntax`);
    return n;
  };
  const kinds = q
    .getAll("spanKind")
    .flatMap((s) => s.split(","))
    .filter(Boolean);
  const params = {
    services,
    groupByOperation: q.get("groupByOperation") === "true",
    endTs: num("endTs", Date.now()),
    lookback: num("lookback", 3600000),
    step: num("step", 5000),
    ratePer: num("ratePer", 600000),
    spanKinds: (kinds.length ? kinds : ["server"]).map((k) => `SPAN_KIND_${k.toUpperCase()}`),
  };
  if (needQuantile) {
    params.quantile = num("quantile", NaN);
    if (!(params.quantile > 0 && params.quantile <= 1))
      throw new BadRequest("'quantile' must be in the range (0, 1]");
  }
  return params;
}

export function createPromMetricsReader(cfg) {
  const base = String(cfg.endpoint).replace(/\/$/, "");
  const ns = cfg.metric_namespace ?? "traces_span_metrics";
  const prefixed = (name) => (ns ? `${ns}_${name}` : name);
  const calls = prefixed("calls") + (cfg.normalize_calls ? "_total" : "");
  const unit = (cfg.latency_unit ?? "ms") === "s" ? "seconds" : "milliseconds";
  const latency = prefixed("duration") + (cfg.normalize_duration ? `_${unit}` : "");

  async function run(name, help, p, build) {
    const groupBy = ["service_name", ...(p.groupByOperation ? ["span_name"] : [])];
    if (name === "service_latencies") groupBy.push("le");
    const f = {
      svc: p.services.join("|"),
      kinds: `span_kind =~ "${p.spanKinds.join("|")}"`,
      rate: promDuration(p.ratePer),
      by: groupBy.join(","),
    };
    const query = build(f);
    const url = new URL(`${base}/api/v1/query_range`);
    url.searchParams.set("query", query);
    url.searchParams.set("start", String((p.endTs - p.lookback) / 1000));
    url.searchParams.set("end", String(p.endTs / 1000));
    url.searchParams.set("step", String(p.step / 1000));
    let body;
    try {
      const res = await fetch(url, { signal: globalThis.AbortSignal.timeout(10000) });
      body = await res.json();
      if (body.status !== "success") throw new Error(`${body.errorType}: ${body.error}`);
    } catch (err) {
      throw new Error(`failed executing metrics query: ${err.cause?.message ?? err.message}`);
    }
    const metricName = p.groupByOperation ? name.replace("service", "service_operation") : name;
    return {
      name: metricName,
      type: "GAUGE",
      help: p.groupByOperation ? `${help} & operation` : help,
      metrics: body.data.result.map((series) => ({
        labels: Object.entries(series.metric)
          .map(([k, v]) => ({ name: k === "span_name" ? "operation" : k, value: v }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        metricPoints: series.values.map(([ts, v]) => ({
          gaugeValue: { doubleValue: Number.isNaN(Number(v)) ? "NaN" : Number(v) },
          timestamp: new Date(ts * 1000).toISOString().replace(/\.000Z$/, "Z"),
        })),
      })),
    };
  }

  const callRates = (p) =>
    run(
      "service_call_rate",
      "calls/sec, grouped by service",
      p,
      (f) => `sum(rate(${calls}{service_name =~ "${f.svc}", ${f.kinds}}[${f.rate}])) by (${f.by})`,
    );
  return {
    callRates,
    latencies: (p) =>
      run(
        "service_latencies",
        `${p.quantile.toFixed(2)}th quantile latency, grouped by service`,
        p,
        (f) =>
          `histogram_quantile(${p.quantile.toFixed(2)}, sum(rate(${latency}_bucket{service_name =~ "${f.svc}", ${f.kinds}}[${f.rate}])) by (${f.by}))`,
      ),
    async errorRates(p) {
      const help =
        "error rate, computed as a fraction of errors/sec over calls/sec, grouped by service";
      const sel = (f, extra) =>
        `sum(rate(${calls}{service_name =~ "${f.svc}",${extra} ${f.kinds}}[${f.rate}])) by (${f.by})`;
      const errors = await run(
        "service_error_rate",
        help,
        p,
        (f) => `${sel(f, ' status_code = "STATUS_CODE_ERROR",')} / ${sel(f, "")}`,
      );
      if (errors.metrics.length > 0) return errors;
      const c = await callRates(p);
      errors.metrics = c.metrics.map((m) => ({
        ...m,
        metricPoints: m.metricPoints.map((pt) => ({ ...pt, gaugeValue: { doubleValue: 0 } })),
      }));
      return errors;
    },
    minStepMs: () => 1,
    names: { calls, latency },
  };
}

// TEST STAND-IN, not the product: the prometheus exporter: serves the span metrics of the
// connectors feeding its metrics pipelines at http://<endpoint>/metrics, named like the real one
// (traces.span.metrics.calls → traces_span_metrics_calls_total, duration → ..._milliseconds).
import http from "node:http";
import { ConfigError, parseEndpoint } from "./config.mjs";
import { closeNow, listen, sendText } from "./http-util.mjs";
import { renderFamilies, sanitizeLabel, sanitizeName } from "./prom-text.mjs";

export function validatePrometheusExporter(id, cfg) {
  if (!cfg?.endpoint) throw new ConfigError(`exporters::${id}: endpoint must be specified`);
  parseEndpoint(cfg.endpoint);
}

export function createPrometheusExporter(id, cfg, { log }) {
  const endpoint = parseEndpoint(cfg.endpoint);
  const strategy = cfg.translation_strategy ?? "UnderscoreEscapingWithSuffixes";
  const suffixes =
    cfg.add_metric_suffixes !== false && !/WithoutSuffixes|NoTranslation/.test(strategy);
  const prefix = cfg.namespace ? `${sanitizeName(cfg.namespace)}_` : "";
  const constLabels = cfg.const_labels ?? {};
  const resourceToLabels = cfg.resource_to_telemetry_conversion?.enabled === true;
  const sources = [];

  const labelsOf = (series) => {
    const labels = {};
    const r = series.resource;
    if (r["service.name"])
      labels.job = r["service.namespace"]
        ? `${r["service.namespace"]}/${r["service.name"]}`
        : r["service.name"];
    if (r["service.instance.id"]) labels.instance = r["service.instance.id"];
    if (resourceToLabels) for (const [k, v] of Object.entries(r)) labels[sanitizeLabel(k)] = v;
    for (const [k, v] of Object.entries(series.labels)) labels[sanitizeLabel(k)] = v;
    for (const [k, v] of Object.entries(constLabels)) labels[sanitizeLabel(k)] = v;
    return labels;
  };

  const render = () => {
    const families = [];
    for (const src of sources) {
      const ns = `${prefix}${sanitizeName(src.namespace)}`;
      const series = src.snapshot();
      families.push({
        name: `${ns}_calls${suffixes ? "_total" : ""}`,
        type: "counter",
        samples: series.map((s) => ({ labels: labelsOf(s), value: s.calls })),
      });
      if (src.histogramDisabled) continue;
      const unitName = src.unit === "s" ? "seconds" : "milliseconds";
      families.push({
        name: `${ns}_duration${suffixes ? `_${unitName}` : ""}`,
        type: "histogram",
        samples: series.map((s) => ({
          labels: labelsOf(s),
          bounds: src.bounds,
          counts: s.counts,
          sum: s.sum,
          count: s.calls,
        })),
      });
    }
    return renderFamilies(families);
  };

  const server = http.createServer((req, res) => {
    if (new URL(req.url ?? "/", "http://s").pathname !== "/metrics")
      return sendText(res, 404, "404 page not found\n");
    sendText(res, 200, render(), "text/plain; version=0.0.4; charset=utf-8");
  });

  return {
    addSource: (connector) => sources.push(connector),
    render,
    async start() {
      await listen(server, endpoint);
      log.info("Starting Prometheus exporter", { endpoint: endpoint.text });
    },
    stop: () => closeNow(server),
  };
}

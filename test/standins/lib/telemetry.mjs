// TEST STAND-IN, not the product: the collector's own metrics (service.telemetry.metrics) served
// in Prometheus text format, accepting the old `address:` and the newer `readers:` config shapes.
import http from "node:http";
import { parseEndpoint } from "./config.mjs";
import { closeNow, listen, sendText } from "./http-util.mjs";
import { renderFamilies } from "./prom-text.mjs";

const HELP = {
  otelcol_receiver_accepted_spans: "Number of spans successfully pushed into the pipeline.",
  otelcol_receiver_refused_spans: "Number of spans that could not be pushed into the pipeline.",
  otelcol_exporter_sent_spans: "Number of spans successfully sent to destination.",
  otelcol_exporter_send_failed_spans: "Number of spans in failed attempts to send to destination.",
};

/** The endpoint the self-metrics listen on, or null when disabled. */
export function telemetryEndpoint(metricsCfg = {}) {
  if (metricsCfg?.level === "none") return null;
  const reader = (metricsCfg?.readers ?? []).find((r) => r?.pull?.exporter?.prometheus);
  if (reader) {
    const prom = reader.pull.exporter.prometheus;
    return parseEndpoint(`${prom.host ?? "localhost"}:${prom.port ?? 8888}`);
  }
  if (metricsCfg?.readers?.length) return null;
  return parseEndpoint(metricsCfg?.address, "localhost:8888");
}

export function createTelemetry({ serviceName, version }) {
  const counters = new Map();
  const base = { service_name: serviceName, service_version: version };
  const add = (name, labels, n = 1) => {
    const key = `${name}${JSON.stringify(labels)}`;
    const entry = counters.get(key) ?? { name, labels, value: 0 };
    entry.value += n;
    counters.set(key, entry);
  };
  const render = () => {
    const byName = new Map();
    for (const c of counters.values()) {
      const list = byName.get(c.name) ?? [];
      list.push({ labels: { ...c.labels, ...base }, value: c.value });
      byName.set(c.name, list);
    }
    return renderFamilies(
      [...byName].map(([name, samples]) => ({
        name: `${name}_total`,
        help: HELP[name],
        type: "counter",
        samples,
      })),
    );
  };
  let server = null;
  return {
    add,
    render,
    async start(endpoint, log) {
      if (!endpoint) return;
      server = http.createServer((req, res) => {
        if (new URL(req.url ?? "/", "http://s").pathname !== "/metrics")
          return sendText(res, 404, "404 page not found\n");
        sendText(res, 200, render(), "text/plain; version=0.0.4; charset=utf-8");
      });
      await listen(server, endpoint);
      log.info("Serving metrics", { address: endpoint.text, "metrics level": "Normal" });
    },
    stop: () => server && closeNow(server),
  };
}

// TEST STAND-IN, not the product: the jaeger_query extension: a tiny UI page and the Jaeger HTTP
// JSON API endpoints the tests need (services, operations, traces, dependencies, SPM metrics).
import http from "node:http";
import { parseDuration, parseEndpoint } from "./config.mjs";
import { closeNow, listen, sendJson, sendText } from "./http-util.mjs";
import { BadRequest, parseMetricsParams } from "./jaeger-metrics.mjs";

const PAGE = `<!doctype html><html><head><title>Jaeger UI</title></head>
<body><h1>Jaeger UI (test stand-in)</h1><p>Search, Monitor and trace views are not rendered by this stand-in.</p></body></html>\n`;

const ok = (res, data, total = 0) =>
  sendJson(res, 200, { data, total, limit: 0, offset: 0, errors: null });
const fail = (res, code, msg) =>
  sendJson(res, code, { data: null, total: 0, limit: 0, offset: 0, errors: [{ code, msg }] });

function findTraces(store, q) {
  const service = q.get("service");
  const operation = q.get("operation");
  const start = Number(q.get("start") ?? 0);
  const end = Number(q.get("end") ?? Number.MAX_SAFE_INTEGER);
  const minDur = q.get("minDuration") ? parseDuration(q.get("minDuration")) * 1000 : 0;
  const maxDur = q.get("maxDuration") ? parseDuration(q.get("maxDuration")) * 1000 : Infinity;
  const match = (s) =>
    s.process.serviceName === service &&
    (!operation || s.operationName === operation) &&
    s.startTime >= start &&
    s.startTime <= end &&
    s.duration >= minDur &&
    s.duration <= maxDur;
  const hits = store.traceIds().filter((id) => store.spansOf(id).some(match));
  const latest = (id) => Math.max(...store.spansOf(id).map((s) => s.startTime));
  hits.sort((a, b) => latest(b) - latest(a));
  return hits.slice(0, Number(q.get("limit") || 20)).map((id) => store.getTrace(id));
}

function dependencies(store) {
  const links = new Map();
  for (const id of store.traceIds()) {
    const spans = new Map(store.spansOf(id).map((s) => [s.spanID, s]));
    for (const s of spans.values()) {
      const parent = spans.get(s.references.find((r) => r.refType === "CHILD_OF")?.spanID);
      if (!parent || parent.process.serviceName === s.process.serviceName) continue;
      const key = `${parent.process.serviceName}\n${s.process.serviceName}`;
      links.set(key, (links.get(key) ?? 0) + 1);
    }
  }
  return [...links].map(([k, callCount]) => {
    const [parent, child] = k.split("\n");
    return { parent, child, callCount };
  });
}

export function createJaegerQuery(id, cfg, { store, metrics, log }) {
  const endpoint = parseEndpoint(cfg.http?.endpoint, "0.0.0.0:16686");
  const services = () =>
    [...new Set([...store.allSpans()].map((s) => s.process.serviceName))].sort();
  const operations = (svc) => {
    const ops = new Map();
    for (const s of store.allSpans())
      if (s.process.serviceName === svc) ops.set(`${s.operationName}\n${s.kind}`, s);
    return [...ops.values()].map((s) => ({
      name: s.operationName,
      spanKind: s.kind === "unspecified" ? "" : s.kind,
    }));
  };
  const routes = [
    [/^\/api\/services$/, (res) => ok(res, services(), services().length)],
    [
      /^\/api\/services\/([^/]+)\/operations$/,
      (res, m) => {
        const names = [...new Set(operations(decodeURIComponent(m[1])).map((o) => o.name))].sort();
        ok(res, names, names.length);
      },
    ],
    [/^\/api\/operations$/, (res, _m, q) => ok(res, operations(q.get("service")))],
    [
      /^\/api\/traces$/,
      (res, _m, q) => {
        const ids = q.getAll("traceID");
        if (ids.length) return ok(res, ids.map((t) => store.getTrace(t)).filter(Boolean));
        if (!q.get("service")) return fail(res, 400, "parameter 'service' is required");
        const data = findTraces(store, q);
        ok(res, data, data.length);
      },
    ],
    [
      /^\/api\/traces\/([0-9a-fA-F]+)$/,
      (res, m) => {
        const t = store.getTrace(m[1]);
        return t ? ok(res, [t], 1) : fail(res, 404, "trace not found");
      },
    ],
    [/^\/api\/dependencies$/, (res) => ok(res, dependencies(store))],
    [
      /^\/api\/metrics\/minstep$/,
      (res) => (metrics ? ok(res, metrics.minStepMs()) : disabled(res)),
    ],
    [
      /^\/api\/metrics\/(calls|latencies|errors)$/,
      async (res, m, _q, url) => {
        if (!metrics) return disabled(res);
        const p = parseMetricsParams(url, m[1] === "latencies");
        const run = {
          calls: metrics.callRates,
          latencies: metrics.latencies,
          errors: metrics.errorRates,
        };
        sendJson(res, 200, await run[m[1]](p));
      },
    ],
  ];
  const disabled = (res) => fail(res, 501, "metrics querying is currently disabled");

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://standin");
    if (!url.pathname.startsWith("/api/"))
      return sendText(res, 200, PAGE, "text/html; charset=utf-8");
    const route = routes.find(([re]) => re.test(url.pathname));
    if (!route) return fail(res, 404, `404 page not found: ${url.pathname}`);
    try {
      await route[1](res, route[0].exec(url.pathname), url.searchParams, url);
    } catch (err) {
      log.error("HTTP handler error", { error: err.message });
      fail(res, err instanceof BadRequest ? 400 : 500, err.message);
    }
  });
  return {
    async start() {
      await listen(server, endpoint);
      log.info("Query server started", { http_addr: endpoint.text });
    },
    stop: () => closeNow(server),
  };
}

// TEST STAND-IN, not the product: the health_check (and healthcheckv2) extension, plus the
// stand-in-only debug endpoint GET /standin/spans listing the spans the receivers accepted.
import http from "node:http";
import { parseEndpoint } from "./config.mjs";
import { listen, closeNow, sendJson } from "./http-util.mjs";

export function createHealthExtension(id, cfg = {}, { spans, log }) {
  const v2 = id.split("/")[0] === "healthcheckv2";
  const endpoint = parseEndpoint(v2 ? cfg.http?.endpoint : cfg.endpoint, "localhost:13133");
  const path = v2 ? (cfg.http?.status?.path ?? "/status") : (cfg.path ?? "/");
  let ready = false;
  let upSince = null;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://standin");
    if (url.pathname === "/standin/spans") {
      if (req.method === "DELETE") {
        spans.length = 0;
        return sendJson(res, 200, []);
      }
      return sendJson(res, 200, spans);
    }
    if (url.pathname !== path) return sendJson(res, 404, { error: "not found" });
    if (!ready)
      return sendJson(res, 503, {
        status: "Server not available",
        upSince: "0001-01-01T00:00:00Z",
        uptime: "",
      });
    const uptime = `${((Date.now() - upSince.getTime()) / 1000).toFixed(3)}s`;
    sendJson(res, 200, { status: "Server available", upSince: upSince.toISOString(), uptime });
  });
  return {
    async start() {
      await listen(server, endpoint);
      log.info("Starting health_check extension", { config: { endpoint: endpoint.text, path } });
    },
    ready() {
      ready = true;
      upSince = new Date();
      log.info("Health Check state change", { status: "ready" });
    },
    stop: () => closeNow(server),
  };
}

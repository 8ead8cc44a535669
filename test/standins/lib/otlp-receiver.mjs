// TEST STAND-IN, not the product: the otlp receiver: OTLP/gRPC (node:http2) and OTLP/HTTP
// (protobuf and JSON) on the endpoints of the config, with the collector's default of localhost.
import { Buffer } from "node:buffer";
import http from "node:http";
import { ConfigError, parseEndpoint } from "./config.mjs";
import { handleCors } from "./cors.mjs";
import { createGrpcServer, GRPC } from "./grpc.mjs";
import { closeNow, listen, readBody, sendJson, sendText } from "./http-util.mjs";
import { decodeTraceRequest } from "./otlp-proto.mjs";
import { countSpans, normalizeJsonRequest } from "./spans.mjs";

const SERVICE = "/opentelemetry.proto.collector";
const TRACE_EXPORT = `${SERVICE}.trace.v1.TraceService/Export`;
const METRICS_EXPORT = `${SERVICE}.metrics.v1.MetricsService/Export`;
const LOGS_EXPORT = `${SERVICE}.logs.v1.LogsService/Export`;

export function validateOtlpReceiver(id, cfg) {
  const p = cfg?.protocols;
  if (!p || typeof p !== "object" || (!("grpc" in p) && !("http" in p)))
    throw new ConfigError(
      `receivers::${id}: must specify at least one protocol when using the OTLP receiver`,
    );
}

/**
 * consume(request, transport) delivers decoded traces to the pipelines (throws to refuse);
 * telemetry counts accepted/refused spans.
 */
export function createOtlpReceiver(id, cfg, { consume, telemetry, log }) {
  const p = cfg.protocols;
  const servers = [];
  const accept = async (req, transport) => {
    const n = countSpans(req);
    try {
      await consume(req, transport);
      telemetry.add("otelcol_receiver_accepted_spans", { receiver: id, transport }, n);
    } catch (err) {
      telemetry.add("otelcol_receiver_refused_spans", { receiver: id, transport }, n);
      throw err;
    }
  };
  const grpcEndpoint = "grpc" in p ? parseEndpoint(p.grpc?.endpoint, "localhost:4317") : null;
  const httpEndpoint = "http" in p ? parseEndpoint(p.http?.endpoint, "localhost:4318") : null;
  const tracesPath = p.http?.traces_url_path ?? "/v1/traces";

  const grpcServer = createGrpcServer(
    {
      [TRACE_EXPORT]: async (msg) => {
        let req;
        try {
          req = decodeTraceRequest(msg);
        } catch (err) {
          throw Object.assign(new Error(`grpc: error unmarshalling request: ${err.message}`), {
            grpcCode: GRPC.INVALID_ARGUMENT,
          });
        }
        await accept(req, "grpc");
        return Buffer.alloc(0);
      },
      [METRICS_EXPORT]: async () => Buffer.alloc(0),
      [LOGS_EXPORT]: async () => Buffer.alloc(0),
    },
    log,
  );

  const httpServer = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://standin").pathname;
    if (handleCors(p.http?.cors, req, res)) return;
    const known = [tracesPath, "/v1/metrics", "/v1/logs"];
    if (!known.includes(path)) return sendText(res, 404, "404 page not found\n");
    if (req.method !== "POST")
      return sendText(res, 405, `${req.method} method not allowed, supported: [POST]`);
    const type = String(req.headers["content-type"] ?? "")
      .split(";")[0]
      .trim();
    const isJson = type === "application/json";
    if (!isJson && type !== "application/x-protobuf")
      return sendText(
        res,
        415,
        `${type} is not supported, supported: [application/json, application/x-protobuf]`,
      );
    try {
      const body = await readBody(req);
      if (path === tracesPath) {
        const traces = isJson
          ? normalizeJsonRequest(JSON.parse(body.toString("utf8")))
          : decodeTraceRequest(body);
        await accept(traces, "http");
      }
      if (isJson) sendJson(res, 200, {});
      else res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    } catch (err) {
      const status =
        err instanceof SyntaxError || /protobuf|resourceSpans|JSON/.test(err.message) ? 400 : 503;
      sendJson(res, status, { code: status === 400 ? 3 : 14, message: err.message });
    }
  });

  return {
    async start() {
      if (grpcEndpoint) {
        log.info("Starting GRPC server", { endpoint: grpcEndpoint.text });
        servers.push(await listen(grpcServer, grpcEndpoint));
      }
      if (httpEndpoint) {
        log.info("Starting HTTP server", { endpoint: httpEndpoint.text });
        servers.push(await listen(httpServer, httpEndpoint));
      }
    },
    stop() {
      for (const s of servers) {
        if (s === httpServer) closeNow(s);
        else s.close();
      }
    },
  };
}

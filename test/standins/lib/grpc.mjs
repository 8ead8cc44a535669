// TEST STAND-IN, not the product: the bits of gRPC (over node:http2) the stand-ins need: unary
// request framing (1 flag byte + 4-byte big-endian length + message), gzip, status trailers.
import { Buffer } from "node:buffer";
import http2 from "node:http2";
import { gunzipSync, gzipSync } from "node:zlib";

export const GRPC = { OK: 0, CANCELLED: 1, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4 };
Object.assign(GRPC, { UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14 });
const CODE_NAMES = { 0: "OK", 1: "Canceled", 3: "InvalidArgument", 4: "DeadlineExceeded" };
Object.assign(CODE_NAMES, { 8: "ResourceExhausted", 12: "Unimplemented", 13: "Internal" });
Object.assign(CODE_NAMES, { 14: "Unavailable", 16: "Unauthenticated" });
export const codeName = (code) => CODE_NAMES[code] ?? `Code(${code})`;

export function frame(message, compressed = false) {
  const head = Buffer.alloc(5);
  head[0] = compressed ? 1 : 0;
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}

/** Splits a gRPC body into its messages (gunzipping compressed ones). */
export function unframe(body, encoding) {
  const out = [];
  let pos = 0;
  while (pos < body.length) {
    if (pos + 5 > body.length) throw new Error("grpc: truncated message header");
    const compressed = body[pos] === 1;
    const len = body.readUInt32BE(pos + 1);
    if (pos + 5 + len > body.length) throw new Error("grpc: truncated message");
    let msg = body.subarray(pos + 5, pos + 5 + len);
    if (compressed) {
      if (encoding !== "gzip") throw new Error(`grpc: unsupported grpc-encoding "${encoding}"`);
      msg = gunzipSync(msg);
    }
    out.push(msg);
    pos += 5 + len;
  }
  return out;
}

/** Answers a server stream with a full status (trailers-only when there is no message). */
export function respond(stream, status, message, reply) {
  if (stream.destroyed || stream.closed) return;
  const head = { ":status": 200, "content-type": "application/grpc" };
  if (reply === undefined) {
    const trailers = { "grpc-status": String(status) };
    if (message) trailers["grpc-message"] = encodeURIComponent(message);
    stream.respond({ ...head, ...trailers }, { endStream: true });
    return;
  }
  stream.respond(head, { waitForTrailers: true });
  stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(status) }));
  stream.end(frame(reply));
}

/**
 * Creates an h2c gRPC server; handlers maps ":path" → async (requestMessage) => responseBuffer.
 */
export function createGrpcServer(handlers, log) {
  const server = http2.createServer();
  server.on("stream", (stream, headers) => {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("error", () => {});
    stream.on("end", async () => {
      const handler = handlers[headers[":path"]];
      if (!handler)
        return respond(stream, GRPC.UNIMPLEMENTED, `unknown method ${headers[":path"]}`);
      try {
        const [msg = Buffer.alloc(0)] = unframe(Buffer.concat(chunks), headers["grpc-encoding"]);
        respond(stream, GRPC.OK, "", await handler(msg));
      } catch (err) {
        log?.warn?.("gRPC request failed", { path: headers[":path"], error: err.message });
        respond(stream, err.grpcCode ?? GRPC.INTERNAL, err.message);
      }
    });
  });
  server.on("sessionError", () => {});
  return server;
}

export class GrpcError extends Error {
  constructor(code, desc) {
    super(`rpc error: code = ${codeName(code)} desc = ${desc}`);
    this.code = code;
  }
}

/** Describes a connection failure the way grpc-go does (e.g. "lookup x: no such host"). */
function dialError(err, target) {
  const cause = err.cause ?? err;
  const host = target.replace(/:\d+$/, "");
  const dial = 'connection error: desc = "transport: Error while dialing: dial tcp';
  if (cause.code === "ENOTFOUND" || cause.code === "EAI_AGAIN")
    return `${dial}: lookup ${host}: no such host"`;
  if (cause.code === "ECONNREFUSED") return `${dial} ${target}: connect: connection refused"`;
  if (/SSL|TLS/i.test(`${cause.code} ${cause.message}`))
    return 'connection error: desc = "transport: authentication handshake failed: tls: first record does not look like a TLS handshake"';
  return `connection error: desc = "transport: ${cause.message}"`;
}

/** A tiny unary gRPC client bound to one "host:port" target, reconnecting as needed. */
export function createGrpcClient(target, { tls = false } = {}) {
  let session = null;
  const getSession = () => {
    if (session && !session.closed && !session.destroyed) return session;
    const s = http2.connect(`${tls ? "https" : "http"}://${target}`);
    s.on("error", () => {});
    s.on("close", () => session === s && (session = null));
    s.on("goaway", () => session === s && (session = null));
    s.unref?.();
    session = s;
    return s;
  };
  const call = (path, message, timeoutMs = 5000, gzip = false) =>
    new Promise((resolve, reject) => {
      const s = getSession();
      let status = null;
      let statusMessage = "";
      let settled = false;
      const finish = (err, value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(value);
      };
      const timer = setTimeout(() => {
        req.close(http2.constants.NGHTTP2_CANCEL);
        finish(new GrpcError(GRPC.DEADLINE_EXCEEDED, "context deadline exceeded"));
      }, timeoutMs);
      const onError = (err) => finish(new GrpcError(GRPC.UNAVAILABLE, dialError(err, target)));
      s.once("error", onError);
      const req = s.request({
        ":method": "POST",
        ":path": path,
        "content-type": "application/grpc",
        te: "trailers",
        "grpc-timeout": `${Math.ceil(timeoutMs)}m`,
        ...(gzip ? { "grpc-encoding": "gzip" } : {}),
      });
      const chunks = [];
      const readStatus = (h) => {
        if (h["grpc-status"] !== undefined) status = Number(h["grpc-status"]);
        if (h["grpc-message"]) statusMessage = decodeURIComponent(h["grpc-message"]);
      };
      req.on("response", (h) => {
        if (h[":status"] !== 200)
          return finish(
            new GrpcError(GRPC.UNAVAILABLE, `unexpected HTTP status code ${h[":status"]}`),
          );
        readStatus(h);
      });
      req.on("trailers", readStatus);
      req.on("data", (c) => chunks.push(c));
      req.on("error", onError);
      req.on("close", () => {
        s.off("error", onError);
        if (status === null) return onError(new Error("stream closed without a grpc-status"));
        if (status !== GRPC.OK) return finish(new GrpcError(status, statusMessage));
        try {
          finish(null, unframe(Buffer.concat(chunks))[0] ?? Buffer.alloc(0));
        } catch (err) {
          finish(new GrpcError(GRPC.INTERNAL, err.message));
        }
      });
      req.end(gzip ? frame(gzipSync(message), true) : frame(message));
    });
  const close = () => session?.close();
  return { call, close };
}

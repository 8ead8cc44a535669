// TEST STAND-IN, not the product: small node:http helpers shared by the stand-ins.
import { Buffer } from "node:buffer";
import { gunzipSync } from "node:zlib";

const ERRNO = {
  EADDRINUSE: "address already in use",
  EADDRNOTAVAIL: "cannot assign requested address",
  EACCES: "permission denied",
};

/** Listens on host:port, resolving once bound (rejects with the bind error, like "bind: ..."). */
export function listen(server, { host, port }) {
  const bindHost = host === "localhost" ? "127.0.0.1" : host;
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      const why = ERRNO[err.code] ?? err.code ?? err.message;
      reject(new Error(`listen tcp ${host}:${port}: bind: ${why}`));
    };
    server.once("error", onError);
    server.listen(port, bindHost, () => {
      server.off("error", onError);
      resolve(server);
    });
  });
}

/** Closes a server and drops its open connections right away. */
export function closeNow(server) {
  server.closeAllConnections?.();
  server.close();
}

export function readBody(req, limit = 64 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > limit) req.destroy(new Error("request body too large"));
      else chunks.push(c);
    });
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      try {
        resolve(req.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body);
      } catch (err) {
        reject(err);
      }
    });
    req.on("error", reject);
  });
}

export function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

export function sendText(res, status, text, type = "text/plain; charset=utf-8") {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

// TEST STAND-IN, not the product: the CORS handling of the collector's HTTP servers (confighttp
// `cors: {allowed_origins, allowed_headers, max_age}`), so browser pages can send OTLP/HTTP.

const DEFAULT_HEADERS = ["accept", "content-type", "x-requested-with", "origin"];

function originAllowed(origins, origin) {
  return origins.some((pattern) => {
    if (pattern === "*") return true;
    const re = new RegExp(
      `^${pattern
        .split("*")
        .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
        .join(".*")}$`,
    );
    return re.test(origin);
  });
}

/**
 * Applies CORS to a request; returns true when it was a preflight that has been answered.
 * Without a `cors` block nothing is added (like the collector), and OPTIONS is not special.
 */
export function handleCors(cors, req, res) {
  const origins = cors?.allowed_origins ?? [];
  const origin = req.headers.origin;
  if (origins.length === 0) return false;
  const allowed = typeof origin === "string" && originAllowed(origins, origin);
  const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"];
  if (!preflight) {
    if (allowed) res.setHeader("access-control-allow-origin", origin);
    res.setHeader("vary", "Origin");
    return false;
  }
  res.setHeader("vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
  const headers = [...DEFAULT_HEADERS, ...(cors.allowed_headers ?? []).map((h) => h.toLowerCase())];
  const requested = String(req.headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const headersOk = headers.includes("*") || requested.every((h) => headers.includes(h));
  const methodOk = req.headers["access-control-request-method"] === "POST";
  if (allowed && headersOk && methodOk) {
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-allow-methods", "POST");
    if (requested.length) res.setHeader("access-control-allow-headers", requested.join(", "));
    if (cors.max_age) res.setHeader("access-control-max-age", String(cors.max_age));
  }
  res.writeHead(204).end();
  return true;
}

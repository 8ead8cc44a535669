/** Host and port of a network address as the configs (and OTLP environment variables) give it. */
export interface Endpoint {
  /** As written, without IPv6 brackets; "" for `:port` (all interfaces, to the collector). */
  host: string;
  /** The port written, else 80 or 443 for an http or https URL; undefined when neither says. */
  port?: number;
}

const SCHEME_PORTS: Record<string, number> = { http: 80, https: 443 };

/**
 * Parses `host:port`, `[v6]:port`, a bare host or a URL (`http://user@host:port/path`). A port
 * that is not a number leaves `port` undefined; undefined when there is neither host nor port.
 */
export function parseEndpoint(value: string): Endpoint | undefined {
  const trimmed = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
  const authority = (trimmed.slice(scheme?.[0].length ?? 0).split(/[/?#]/)[0] ?? "").replace(
    /^.*@/,
    "",
  );
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(authority);
  const colon = authority.lastIndexOf(":");
  const [host, portText] = bracketed
    ? [bracketed[1] ?? "", bracketed[2]]
    : colon < 0
      ? [authority, undefined]
      : [authority.slice(0, colon), authority.slice(colon + 1)];
  if (!host && !portText) return undefined;
  const port = portText ? Number(portText) : undefined;
  const schemePort = scheme ? SCHEME_PORTS[scheme[1]!.toLowerCase()] : undefined;
  return {
    host,
    port: portText === undefined ? schemePort : Number.isInteger(port) ? port : undefined,
  };
}

/** True for names that mean "this container only": localhost, 127.x, ::1. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === "localhost" || h.startsWith("127.") || h === "::1";
}

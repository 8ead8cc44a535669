// From an endpoint URL to what docker-modem connects with. docker-modem merges defaults of its own
// (a default socket; DOCKER_HOST's, which dockerode-connect.ts hides from it) under the options it
// is given, so every connection field is set here, even to undefined.
import { readFileSync } from "node:fs";
import { Agent } from "node:https";

import type Docker from "dockerode";

import { errorMessage, GiniError } from "../errors.js";
import { describeSource, type EngineEndpoint } from "./engine-endpoint.js";

/** An endpoint taken apart. */
export type ParsedEngineEndpoint =
  | { kind: "unix"; socketPath: string }
  | { kind: "tcp"; host: string; port: number; https: boolean }
  | { kind: "ssh"; host: string; port: number; username?: string };

/** Takes an endpoint apart; an unparsable or unsupported one is a GiniError naming its source. */
export function parseEngineEndpoint(
  resolved: Pick<EngineEndpoint, "endpoint" | "tls"> & { source?: EngineEndpoint["source"] },
): ParsedEngineEndpoint {
  const { endpoint } = resolved;
  const from = resolved.source ? ` (from ${describeSource(resolved.source)})` : "";
  const fail = (why: string) =>
    new GiniError(`${why}: ${endpoint}${from}`, {
      hint: "use unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://[USER@]HOST[:PORT]",
    });
  // The docker CLI reads a bare HOST:PORT as tcp.
  const url = endpoint.includes("://") ? endpoint : `tcp://${endpoint}`;
  const scheme = url.slice(0, url.indexOf("://"));
  if (scheme === "unix")
    return { kind: "unix", socketPath: url.slice("unix://".length) || "/var/run/docker.sock" };
  if (scheme === "npipe") throw fail("Windows named pipes are not supported by gini");
  if (!["tcp", "http", "https", "ssh"].includes(scheme))
    throw fail(`unsupported scheme "${scheme}://"`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail("not an engine endpoint");
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!host) throw fail("no host in the engine endpoint");
  // ssh would read such a name as an option (-oProxyCommand=...).
  if (host.startsWith("-") || decodeURIComponent(parsed.username).startsWith("-"))
    throw fail("an engine host or user name cannot start with '-'");
  const port = parsed.port ? Number(parsed.port) : undefined;
  if (scheme === "ssh")
    return {
      kind: "ssh",
      host,
      port: port ?? 22,
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    };
  const https = scheme === "https" || resolved.tls !== undefined;
  return { kind: "tcp", host, port: port ?? (https ? 2376 : 2375), https };
}

const NO_CONNECTION = {
  socketPath: undefined,
  host: undefined,
  port: undefined,
  protocol: undefined,
  username: undefined,
  ca: undefined,
  cert: undefined,
  key: undefined,
} as const;

/** dockerode's options for the endpoint: a socket path, tcp (with TLS files read) or ssh. */
export function dockerodeOptions(
  resolved: EngineEndpoint,
  env: Record<string, string | undefined> = process.env,
): Docker.DockerOptions & { agent?: Agent; pathPrefix?: string } {
  const target = parseEngineEndpoint(resolved);
  if (target.kind === "unix") return { ...NO_CONNECTION, socketPath: target.socketPath };
  if (target.kind === "ssh")
    return {
      ...NO_CONNECTION,
      pathPrefix: "/",
      protocol: "ssh",
      host: target.host,
      port: target.port,
      ...(target.username ? { username: target.username } : {}),
      // ssh2 authenticates through the agent only; it does not read ~/.ssh/config like ssh does.
      sshOptions: { agent: env.SSH_AUTH_SOCK },
    };
  const base = { ...NO_CONNECTION, pathPrefix: "/", host: target.host, port: target.port };
  if (!target.https) return { ...base, protocol: "http" };
  const tls = resolved.tls ?? { verify: true };
  const pem = (path: string | undefined) =>
    path === undefined ? undefined : readPem(path, resolved);
  const files = { ca: pem(tls.ca), cert: pem(tls.cert), key: pem(tls.key) };
  return {
    ...base,
    protocol: "https",
    ...files,
    ...(tls.verify ? {} : { agent: new Agent({ rejectUnauthorized: false, ...files }) }),
  };
}

function readPem(path: string, resolved: EngineEndpoint): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new GiniError(
      `cannot read the TLS file ${path} for ${resolved.endpoint} (from ${describeSource(resolved.source)}): ${errorMessage(err)}`,
      {
        hint: "DOCKER_CERT_PATH (default ~/.docker) must hold ca.pem, cert.pem and key.pem when DOCKER_TLS_VERIFY is set",
        cause: err,
      },
    );
  }
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1"]);

/**
 * The host where the engine publishes container ports, for an endpoint such as `engine()` reports:
 * undefined for a local engine (a unix socket, or tcp/ssh to localhost), else the engine's host
 * name, since a remote engine's ports are there.
 */
export function publishedPortsHost(endpoint: string): string | undefined {
  const target = parseEngineEndpoint({ endpoint });
  if (target.kind === "unix" || LOCAL_HOSTS.has(target.host.toLowerCase())) return undefined;
  return target.host;
}

/** A word for a POSIX shell: as it is when it is plainly safe, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The ssh command that brings a remote engine's loopback-bound ports to this machine's localhost:
 * the ssh endpoint's own user and port, or plain `ssh HOST` for a tcp endpoint. The destination
 * comes after `--` and quoted, so a host or user name from DOCKER_HOST is never an option or
 * shell syntax in the line the user pastes.
 */
export function sshTunnelCommand(endpoint: string, ports: readonly number[]): string {
  const target = parseEngineEndpoint({ endpoint });
  if (target.kind === "unix") return "";
  const forwards = ports.map((p) => `-L ${p}:127.0.0.1:${p}`).join(" ");
  if (target.kind === "tcp") return `ssh -N ${forwards} -- ${shellWord(target.host)}`;
  const port = target.port === 22 ? "" : ` -p ${target.port}`;
  const user = target.username ? `${target.username}@` : "";
  return `ssh -N${port} ${forwards} -- ${shellWord(user + target.host)}`;
}

// Which engine to talk to, decided like the docker CLI (cli/command/cli.go resolveContextName):
// --context, DOCKER_HOST, DOCKER_CONTEXT, config.json's currentContext, the default socket. Past the
// CLI, gini also finds the rootless Docker and Podman sockets, which the CLI would only reach through
// a context or DOCKER_HOST, because "it works with Podman" should not need set-up.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

import { currentContext, dockerConfigDir, readContext } from "./context-store.js";

/** Where the endpoint came from. */
type EngineSourceKind =
  "flag" | "DOCKER_HOST" | "DOCKER_CONTEXT" | "config" | "default" | "rootless" | "podman";

/** Where the endpoint came from, with the context's name and config file when one was used. */
export interface EngineSource {
  kind: EngineSourceKind;
  /** The Docker context, for flag, DOCKER_CONTEXT and config. */
  context?: string;
  /** The config.json that named the current context (home shown as `~`), for config. */
  configFile?: string;
}

/** TLS for a tcp endpoint: the PEM files that exist, and whether to verify the engine's certificate. */
interface EngineTls {
  verify: boolean;
  ca?: string;
  cert?: string;
  key?: string;
}

/** The engine gini will talk to, and how it was found. */
export interface EngineEndpoint {
  /** e.g. `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2376`, `ssh://me@host`. */
  endpoint: string;
  source: EngineSource;
  /** Present when the endpoint is to be reached over TLS. */
  tls?: EngineTls;
  /** Every endpoint considered, in order, the chosen one last: what the hint lists on failure. */
  tried: string[];
}

/** What the resolution reads; tests pass their own, the CLI the process's. */
export interface ResolveOptions {
  /** The --context flag. */
  context?: string;
  env?: Record<string, string | undefined>;
  home?: string;
  /** Whether a socket file exists. */
  exists?: (path: string) => boolean;
}

/** The rootful Docker socket, the docker CLI's default. */
const DEFAULT_SOCKET = "/var/run/docker.sock";

/** The endpoint gini will talk to, without connecting: e.g. unix:///var/run/docker.sock. */
export function engineEndpoint(options: Pick<ResolveOptions, "context"> = {}): string {
  return resolveEngineEndpoint(options).endpoint;
}

/** Decides which engine to use; a named context that is missing or broken is a GiniError. */
export function resolveEngineEndpoint(options: ResolveOptions = {}): EngineEndpoint {
  const env = options.env ?? process.env;
  const home = options.home ?? homedir();
  const exists = options.exists ?? existsSync;
  const configDir = dockerConfigDir(env, home);
  const named = (kind: EngineSourceKind, context: string, configFile?: string) =>
    fromContext({ kind, context, ...(configFile ? { configFile } : {}) }, configDir);

  // "default" is the docker CLI's context made of DOCKER_HOST or the default socket.
  if (options.context && options.context !== "default") return named("flag", options.context);
  if (env.DOCKER_HOST) return fromDockerHost(env.DOCKER_HOST, env, configDir, exists);
  if (options.context) return fallback(env, exists);
  if (env.DOCKER_CONTEXT)
    return env.DOCKER_CONTEXT === "default"
      ? fallback(env, exists)
      : named("DOCKER_CONTEXT", env.DOCKER_CONTEXT);
  const current = currentContext(configDir);
  if (current && current !== "default")
    return named("config", current, tildify(join(configDir, "config.json"), home));
  return fallback(env, exists);
}

/**
 * The endpoint without the password of a `scheme://user:password@host` URL: gini never uses
 * one (tcp engines take no credentials, ssh ones the agent's keys) and shows the endpoint in
 * errors and in `status --json`, so it is replaced by `***` from the start.
 */
function withoutPassword(endpoint: string): string {
  return endpoint.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, "$1:***@");
}

function fromContext(source: EngineSource, configDir: string): EngineEndpoint {
  const ctx = readContext(source.context!, configDir);
  const hasTls = Object.keys(ctx.tlsFiles).length > 0 || ctx.skipTlsVerify;
  const endpoint = withoutPassword(ctx.host);
  return {
    endpoint,
    source,
    ...(hasTls ? { tls: { verify: !ctx.skipTlsVerify, ...ctx.tlsFiles } } : {}),
    tried: [endpoint],
  };
}

/**
 * TLS as the docker CLI takes it from the environment: any non-empty DOCKER_TLS_VERIFY ("0"
 * included) turns it on and verifies the engine with the three files of DOCKER_CERT_PATH; a
 * non-empty DOCKER_TLS alone turns it on without verifying, with the client files that exist.
 */
function envTls(
  env: Record<string, string | undefined>,
  configDir: string,
  exists: (path: string) => boolean,
): EngineTls | undefined {
  if (!env.DOCKER_TLS_VERIFY && !env.DOCKER_TLS) return undefined;
  const files = (["ca", "cert", "key"] as const).map((k): [string, string] => [
    k,
    join(env.DOCKER_CERT_PATH || configDir, `${k}.pem`),
  ]);
  const kept = env.DOCKER_TLS_VERIFY ? files : files.filter(([, path]) => exists(path));
  return {
    verify: Boolean(env.DOCKER_TLS_VERIFY),
    ...(Object.fromEntries(kept) as Partial<EngineTls>),
  };
}

function fromDockerHost(
  host: string,
  env: Record<string, string | undefined>,
  configDir: string,
  exists: (path: string) => boolean,
): EngineEndpoint {
  const tls = envTls(env, configDir, exists);
  const endpoint = withoutPassword(host);
  return {
    endpoint,
    source: { kind: "DOCKER_HOST" },
    ...(tls ? { tls } : {}),
    tried: [endpoint],
  };
}

/** The default socket, else the first rootless Docker or Podman socket that exists. */
function fallback(
  env: Record<string, string | undefined>,
  exists: (path: string) => boolean,
): EngineEndpoint {
  const runtimeDir = env.XDG_RUNTIME_DIR;
  const candidates: [string, EngineSourceKind][] = [
    [DEFAULT_SOCKET, "default"],
    ...(runtimeDir
      ? ([
          [join(runtimeDir, "docker.sock"), "rootless"],
          [join(runtimeDir, "podman", "podman.sock"), "podman"],
        ] as [string, EngineSourceKind][])
      : []),
    ["/run/podman/podman.sock", "podman"],
  ];
  const tried: string[] = [];
  for (const [path, kind] of candidates) {
    tried.push(`unix://${path}`);
    if (exists(path)) return { endpoint: `unix://${path}`, source: { kind }, tried };
  }
  return { endpoint: `unix://${DEFAULT_SOCKET}`, source: { kind: "default" }, tried };
}

function tildify(path: string, home: string): string {
  return home && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

/** Where the endpoint came from, for messages: `context "colima" from DOCKER_CONTEXT`. */
export function describeSource(source: EngineSource): string {
  switch (source.kind) {
    case "flag":
      return `context "${source.context}" from --context`;
    case "DOCKER_CONTEXT":
      return `context "${source.context}" from DOCKER_CONTEXT`;
    case "config":
      return `current context "${source.context}" of ${source.configFile ?? "config.json"}`;
    case "DOCKER_HOST":
      return "DOCKER_HOST";
    case "default":
      return "default socket";
    case "rootless":
      return "rootless Docker socket";
    case "podman":
      return "Podman socket";
  }
}

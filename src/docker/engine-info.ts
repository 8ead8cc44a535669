// Which engine answered, and the error for one that does not: both name the endpoint and where it
// came from, since "which engine is gini talking to?" is the first question when two are installed.
import { errorMessage, GiniError } from "../errors.js";
import { describeSource, type EngineEndpoint } from "./engine-endpoint.js";

/** The engine gini talks to: what it is, and how it was found. */
export interface EngineInfo {
  /** "Docker Engine", "Podman", or the name the engine gives itself. */
  name: string;
  /** The engine's own version, e.g. "28.2.2" or "4.3.1". */
  version: string;
  /** e.g. `unix:///var/run/docker.sock`. */
  endpoint: string;
  /** Where the endpoint came from, e.g. `default socket` or `context "colima" from DOCKER_CONTEXT`. */
  source: string;
}

/** The parts of the engine's `GET /version` answer that tell engines apart. */
export interface VersionDocument {
  Version?: string;
  Components?: { Name?: string; Version?: string }[] | null;
}

/**
 * Names the engine from `GET /version`: Podman's Docker API lists a "Podman Engine" component,
 * Docker Engine an "Engine" one (with containerd and runc beside it).
 */
export function identifyEngine(doc: VersionDocument): { name: string; version: string } {
  const components = doc.Components ?? [];
  const podman = components.find((c) => c.Name === "Podman Engine");
  if (podman) return { name: "Podman", version: podman.Version ?? doc.Version ?? "unknown" };
  const engine = components.find((c) => c.Name === "Engine");
  const name = engine || components.length === 0 ? "Docker Engine" : components[0]!.Name!;
  return { name, version: doc.Version ?? engine?.Version ?? "unknown" };
}

/** The fix for an engine that does not answer, by where its endpoint came from. */
function fixFor(resolved: EngineEndpoint): string {
  switch (resolved.source.kind) {
    case "DOCKER_HOST":
      return "start Docker (the engine DOCKER_HOST points at), or unset DOCKER_HOST to use the Docker context (`docker context ls`), or pass --context";
    case "flag":
    case "DOCKER_CONTEXT":
    case "config":
      return `start the engine of context "${resolved.source.context}" (e.g. Docker Desktop, \`colima start\`), or pick another with \`docker context use NAME\`, DOCKER_HOST or --context`;
    default:
      return "start Docker (`sudo systemctl start docker`) or Podman (`systemctl --user enable --now podman.socket`), or point gini at an engine with `docker context use NAME`, DOCKER_HOST or --context";
  }
}

/**
 * The error of an endpoint that answered, but not as a Docker engine: an HTTP error whose body is
 * not JSON (a web server's page, Prometheus), or bytes that are not HTTP (an SSH port). Undefined
 * for any other error, which is the engine's own: its errors are JSON, a 304 (already stopped) has
 * no body, and docker-modem keeps no body of a streamed call (pull, logs).
 */
export function notAnEngine(err: unknown, resolved: EngineEndpoint): GiniError | undefined {
  const e = err as { statusCode?: unknown; json?: unknown; code?: unknown } | null;
  const body = e?.json;
  const foreignBody = (Buffer.isBuffer(body) || typeof body === "string") && body.length > 0;
  const what =
    typeof e?.statusCode === "number" && e.statusCode >= 400 && foreignBody
      ? `answered HTTP ${e.statusCode}, not as a Docker engine does`
      : typeof e?.code === "string" && e.code.startsWith("HPE_")
        ? "answered, but not over HTTP: it is no Docker engine"
        : undefined;
  if (!what) return undefined;
  return new GiniError(`${resolved.endpoint} (${describeSource(resolved.source)}) ${what}`, {
    hint: `check the address and port: a Docker engine's API is on tcp://HOST:2375, or :2376 with TLS; \`docker -H ${resolved.endpoint} version\` tells whether one answers there`,
    cause: err,
    code: "engine-unreachable",
  });
}

/** gini's "not reachable" error: the endpoint, its source, the cause; what was tried in the hint. */
export function unreachableError(err: unknown, resolved: EngineEndpoint): GiniError {
  const tried = resolved.tried.length > 1 ? `tried: ${resolved.tried.join(", ")}; ` : "";
  return new GiniError(
    `Docker engine not reachable at ${resolved.endpoint} (${describeSource(resolved.source)}): ${errorMessage(err)}`,
    { hint: tried + fixFor(resolved), cause: err, code: "engine-unreachable" },
  );
}

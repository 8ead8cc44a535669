// The docker CLI's own files, read the way it reads them: config.json for the current context, and
// the context store (contexts/meta and contexts/tls, one folder per context named by the sha256 of
// its name, because names may hold characters a file name cannot).
import { createHash } from "node:crypto";
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { errorMessage, GiniError } from "../errors.js";

/** A Docker context's engine endpoint, as `docker context inspect` shows it. */
export interface StoredContext {
  name: string;
  /** The endpoint, e.g. `unix:///Users/me/.colima/default/docker.sock` or `tcp://10.0.0.5:2376`. */
  host: string;
  skipTlsVerify: boolean;
  /** The context's TLS files that exist: ca.pem, cert.pem, key.pem. */
  tlsFiles: { ca?: string; cert?: string; key?: string };
}

/** The folder of the docker CLI's configuration: `$DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(env: Record<string, string | undefined>, home: string): string {
  return env.DOCKER_CONFIG || join(home, ".docker");
}

/**
 * The file's text, or undefined when it does not exist. Anything but a regular file is an error
 * before it is read: a FIFO would wait for a writer forever, and every engine command with it.
 */
function readIfPresent(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${path} is not a regular file`);
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

/**
 * `currentContext` of config.json, or undefined. Like the docker CLI, which only warns about a
 * config.json it cannot read, an unreadable or broken file counts as "no current context".
 */
export function currentContext(configDir: string): string | undefined {
  let text: string | undefined;
  try {
    text = readIfPresent(join(configDir, "config.json"));
    const parsed: unknown = text === undefined ? undefined : JSON.parse(text);
    const name = (parsed as { currentContext?: unknown } | undefined)?.currentContext;
    return typeof name === "string" && name !== "" ? name : undefined;
  } catch {
    return undefined;
  }
}

const contextId = (name: string) => createHash("sha256").update(name).digest("hex");

/** Reads a named context from the store; a missing or broken context is a GiniError. */
export function readContext(name: string, configDir: string): StoredContext {
  const id = contextId(name);
  const metaFile = join(configDir, "contexts", "meta", id, "meta.json");
  let text: string | undefined;
  try {
    text = readIfPresent(metaFile);
  } catch (err) {
    throw new GiniError(`Docker context "${name}": cannot read ${metaFile}: ${errorMessage(err)}`, {
      hint: `recreate the context with \`docker context rm ${name}\` and \`docker context create\``,
      cause: err,
    });
  }
  if (text === undefined)
    throw new GiniError(`Docker context "${name}" not found (looked for ${metaFile})`, {
      hint: "`docker context ls` lists the contexts; choose one with --context, DOCKER_CONTEXT or `docker context use NAME`",
    });
  let host: unknown;
  let skip: unknown;
  try {
    const meta = JSON.parse(text) as {
      Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
    };
    host = meta.Endpoints?.docker?.Host;
    skip = meta.Endpoints?.docker?.SkipTLSVerify;
  } catch (err) {
    throw new GiniError(`Docker context "${name}": ${metaFile} is not valid JSON`, {
      hint: "`docker context inspect` shows whether the docker CLI can read it; recreate the context with `docker context create`",
      cause: err,
    });
  }
  if (typeof host !== "string" || host === "")
    throw new GiniError(`Docker context "${name}" has no Docker endpoint in ${metaFile}`, {
      hint: `\`docker context inspect ${name}\` shows its endpoints`,
    });
  return { name, host, skipTlsVerify: skip === true, tlsFiles: tlsFiles(configDir, id) };
}

/** The context's TLS files that exist (a context without TLS has none). */
function tlsFiles(configDir: string, id: string): StoredContext["tlsFiles"] {
  const dir = join(configDir, "contexts", "tls", id, "docker");
  const files: StoredContext["tlsFiles"] = {};
  for (const kind of ["ca", "cert", "key"] as const) {
    const path = join(dir, `${kind}.pem`);
    if (existsSync(path)) files[kind] = path;
  }
  return files;
}

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { tempFolder } from "../config/project.fake.js";
import { GiniError } from "../errors.js";
import { describeSource, resolveEngineEndpoint, type ResolveOptions } from "./engine-endpoint.js";

let home: string;
let dockerDir: string;

beforeEach(() => {
  home = tempFolder("gini-engine-");
  dockerDir = join(home, ".docker");
  mkdirSync(dockerDir);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const id = (name: string) => createHash("sha256").update(name).digest("hex");

/** Writes a context into the store under `dir`, as `docker context create` does. */
function context(name: string, host: string, opts: { skip?: boolean; tls?: string[] } = {}) {
  const meta = join(dockerDir, "contexts", "meta", id(name));
  mkdirSync(meta, { recursive: true });
  writeFileSync(
    join(meta, "meta.json"),
    JSON.stringify({
      Name: name,
      Metadata: {},
      Endpoints: { docker: { Host: host, SkipTLSVerify: opts.skip ?? false } },
    }),
  );
  const tls = join(dockerDir, "contexts", "tls", id(name), "docker");
  for (const file of opts.tls ?? []) {
    mkdirSync(tls, { recursive: true });
    writeFileSync(join(tls, file), "PEM");
  }
}

const currentContext = (name: string, dir = dockerDir) =>
  writeFileSync(join(dir, "config.json"), JSON.stringify({ currentContext: name }));

/** Resolves with a temp home, the given env and the given sockets existing. */
function resolve(env: Record<string, string> = {}, sockets: string[] = [], context?: string) {
  const options: ResolveOptions = { env, home, exists: (p) => sockets.includes(p) };
  return resolveEngineEndpoint(context === undefined ? options : { ...options, context });
}

describe("resolveEngineEndpoint", () => {
  it("uses the default socket when nothing else is set", () => {
    expect(resolve({}, ["/var/run/docker.sock"])).toEqual({
      endpoint: "unix:///var/run/docker.sock",
      source: { kind: "default" },
      tried: ["unix:///var/run/docker.sock"],
    });
  });

  it("falls back to rootless Docker, then Podman's user and system sockets, the first that exists", () => {
    const env = { XDG_RUNTIME_DIR: "/run/user/1000" };
    expect(resolve(env, ["/run/user/1000/docker.sock", "/run/podman/podman.sock"])).toMatchObject({
      endpoint: "unix:///run/user/1000/docker.sock",
      source: { kind: "rootless" },
    });
    expect(resolve(env, ["/run/user/1000/podman/podman.sock"])).toEqual({
      endpoint: "unix:///run/user/1000/podman/podman.sock",
      source: { kind: "podman" },
      tried: [
        "unix:///var/run/docker.sock",
        "unix:///run/user/1000/docker.sock",
        "unix:///run/user/1000/podman/podman.sock",
      ],
    });
    expect(resolve({}, ["/run/podman/podman.sock"])).toMatchObject({
      endpoint: "unix:///run/podman/podman.sock",
      source: { kind: "podman" },
      tried: ["unix:///var/run/docker.sock", "unix:///run/podman/podman.sock"],
    });
  });

  it("lists every socket it tried when none exists, and keeps the default socket", () => {
    expect(resolve({ XDG_RUNTIME_DIR: "/run/user/0" })).toEqual({
      endpoint: "unix:///var/run/docker.sock",
      source: { kind: "default" },
      tried: [
        "unix:///var/run/docker.sock",
        "unix:///run/user/0/docker.sock",
        "unix:///run/user/0/podman/podman.sock",
        "unix:///run/podman/podman.sock",
      ],
    });
  });

  it("takes the current context of config.json, in DOCKER_CONFIG when set", () => {
    context("colima", "unix:///home/me/.colima/default/docker.sock");
    currentContext("colima");
    expect(resolve({}, ["/var/run/docker.sock"])).toEqual({
      endpoint: "unix:///home/me/.colima/default/docker.sock",
      source: { kind: "config", context: "colima", configFile: "~/.docker/config.json" },
      tried: ["unix:///home/me/.colima/default/docker.sock"],
    });
    const other = join(home, "elsewhere");
    mkdirSync(other);
    expect(resolve({ DOCKER_CONFIG: other }, ["/var/run/docker.sock"]).source.kind).toBe("default");
  });

  it("treats the context named default, and a broken config.json, as no context", () => {
    currentContext("default");
    expect(resolve({}, ["/var/run/docker.sock"]).source.kind).toBe("default");
    expect(resolve({ DOCKER_CONTEXT: "default" }, ["/var/run/docker.sock"]).source.kind).toBe(
      "default",
    );
    writeFileSync(join(dockerDir, "config.json"), "{ not json");
    expect(resolve({}, ["/var/run/docker.sock"]).source.kind).toBe("default");
  });

  it("follows the precedence flag > DOCKER_HOST > DOCKER_CONTEXT > config > default socket", () => {
    context("flag", "unix:///flag.sock");
    context("envctx", "unix:///envctx.sock");
    context("current", "unix:///current.sock");
    currentContext("current");
    const sockets = ["/var/run/docker.sock"];
    const all = { DOCKER_HOST: "tcp://10.0.0.5:2375", DOCKER_CONTEXT: "envctx" };
    expect(resolve(all, sockets, "flag").source).toEqual({ kind: "flag", context: "flag" });
    expect(resolve(all, sockets).source).toEqual({ kind: "DOCKER_HOST" });
    expect(resolve({ DOCKER_CONTEXT: "envctx" }, sockets).endpoint).toBe("unix:///envctx.sock");
    expect(resolve({}, sockets).endpoint).toBe("unix:///current.sock");
    // --context default is the docker CLI's default context: DOCKER_HOST, else the socket.
    expect(resolve(all, sockets, "default").source.kind).toBe("DOCKER_HOST");
    expect(resolve({ DOCKER_CONTEXT: "envctx" }, sockets, "default").source.kind).toBe("default");
  });

  it("fails on a context that does not exist, naming it and where it looked", () => {
    const err = (() => {
      try {
        resolve({ DOCKER_CONTEXT: "nope" });
      } catch (e) {
        return e as GiniError;
      }
    })();
    expect(err).toBeInstanceOf(GiniError);
    expect(err?.message).toBe(
      `Docker context "nope" not found (looked for ${join(dockerDir, "contexts", "meta", id("nope"), "meta.json")})`,
    );
    expect(err?.hint).toContain("docker context ls");
  });

  it("fails on a broken meta.json, naming the file", () => {
    context("broken", "unix:///x.sock");
    const file = join(dockerDir, "contexts", "meta", id("broken"), "meta.json");
    writeFileSync(file, "{");
    expect(() => resolve({}, [], "broken")).toThrow(`${file} is not valid JSON`);
    writeFileSync(file, JSON.stringify({ Name: "broken", Endpoints: {} }));
    expect(() => resolve({}, [], "broken")).toThrow("has no Docker endpoint");
  });

  it("never waits on a FIFO at config.json or meta.json, which would hang every command", () => {
    execFileSync("mkfifo", [join(dockerDir, "config.json")]);
    // Like an unreadable config.json for the docker CLI: no current context.
    expect(resolve({}, ["/var/run/docker.sock"]).source).toEqual({ kind: "default" });
    context("piped", "unix:///x.sock");
    const file = join(dockerDir, "contexts", "meta", id("piped"), "meta.json");
    rmSync(file);
    execFileSync("mkfifo", [file]);
    expect(() => resolve({}, [], "piped")).toThrow(
      `Docker context "piped": cannot read ${file}: ${file} is not a regular file`,
    );
  });

  it("takes a context's TLS files and SkipTLSVerify from the store", () => {
    context("remote", "tcp://10.0.0.5:2376", { tls: ["ca.pem", "cert.pem", "key.pem"] });
    const tls = join(dockerDir, "contexts", "tls", id("remote"), "docker");
    expect(resolve({}, [], "remote").tls).toEqual({
      verify: true,
      ca: join(tls, "ca.pem"),
      cert: join(tls, "cert.pem"),
      key: join(tls, "key.pem"),
    });
    context("insecure", "tcp://10.0.0.5:2376", { skip: true });
    expect(resolve({}, [], "insecure").tls).toEqual({ verify: false });
    context("plain", "tcp://10.0.0.5:2375");
    expect(resolve({}, [], "plain").tls).toBeUndefined();
  });

  it("takes TLS files for DOCKER_HOST from DOCKER_CERT_PATH, default the docker config folder", () => {
    const host = { DOCKER_HOST: "tcp://10.0.0.5:2376", DOCKER_TLS_VERIFY: "1" };
    expect(resolve(host).tls).toEqual({
      verify: true,
      ca: join(dockerDir, "ca.pem"),
      cert: join(dockerDir, "cert.pem"),
      key: join(dockerDir, "key.pem"),
    });
    expect(resolve({ ...host, DOCKER_CERT_PATH: "/certs" }).tls?.ca).toBe("/certs/ca.pem");
    expect(resolve({ DOCKER_HOST: "tcp://10.0.0.5:2375" }).tls).toBeUndefined();
  });

  it("turns TLS on without verifying for DOCKER_TLS, as the docker CLI does, with the client files there are", () => {
    const host = {
      DOCKER_HOST: "tcp://10.0.0.5:2376",
      DOCKER_TLS: "1",
      DOCKER_CERT_PATH: "/certs",
    };
    expect(resolve(host).tls).toEqual({ verify: false });
    expect(resolve(host, ["/certs/cert.pem", "/certs/key.pem"]).tls).toEqual({
      verify: false,
      cert: "/certs/cert.pem",
      key: "/certs/key.pem",
    });
    expect(resolve({ ...host, DOCKER_TLS_VERIFY: "1" }).tls?.verify).toBe(true);
  });

  it("never keeps a password of DOCKER_HOST, so no error or --json can show it", () => {
    const resolved = resolve({ DOCKER_HOST: "tcp://me:s3cret@10.0.0.5:2375" });
    expect(resolved.endpoint).toBe("tcp://me:***@10.0.0.5:2375");
    expect(JSON.stringify(resolved)).not.toContain("s3cret");
    expect(resolve({ DOCKER_HOST: "ssh://me:p%40ss@box" }).endpoint).toBe("ssh://me:***@box");
    expect(resolve({ DOCKER_HOST: "ssh://me@box" }).endpoint).toBe("ssh://me@box");
  });
});

describe("describeSource", () => {
  it("says where the endpoint came from", () => {
    expect(
      [
        { kind: "DOCKER_HOST" } as const,
        { kind: "DOCKER_CONTEXT", context: "colima" } as const,
        { kind: "flag", context: "x" } as const,
        { kind: "config", context: "x", configFile: "~/.docker/config.json" } as const,
        { kind: "default" } as const,
        { kind: "rootless" } as const,
        { kind: "podman" } as const,
      ].map(describeSource),
    ).toEqual([
      "DOCKER_HOST",
      'context "colima" from DOCKER_CONTEXT',
      'context "x" from --context',
      'current context "x" of ~/.docker/config.json',
      "default socket",
      "rootless Docker socket",
      "Podman socket",
    ]);
  });
});

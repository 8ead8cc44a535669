import { rmSync, writeFileSync } from "node:fs";
import { Agent } from "node:https";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { tempFolder } from "../config/project.fake.js";
import {
  dockerodeOptions,
  parseEngineEndpoint,
  publishedPortsHost,
  sshTunnelCommand,
} from "./engine-connection.js";
import type { EngineEndpoint } from "./engine-endpoint.js";

const at = (endpoint: string, tls?: EngineEndpoint["tls"]): EngineEndpoint => ({
  endpoint,
  source: { kind: "DOCKER_HOST" },
  ...(tls ? { tls } : {}),
  tried: [endpoint],
});

describe("parseEngineEndpoint", () => {
  it("reads unix, tcp (bare HOST:PORT too) and ssh endpoints", () => {
    expect(parseEngineEndpoint(at("unix:///run/x.sock"))).toEqual({
      kind: "unix",
      socketPath: "/run/x.sock",
    });
    expect(parseEngineEndpoint(at("tcp://10.0.0.5:2375"))).toEqual({
      kind: "tcp",
      host: "10.0.0.5",
      port: 2375,
      https: false,
    });
    expect(parseEngineEndpoint(at("10.0.0.5:2375"))).toMatchObject({
      kind: "tcp",
      host: "10.0.0.5",
    });
    expect(parseEngineEndpoint(at("tcp://engine", { verify: true }))).toMatchObject({
      port: 2376,
      https: true,
    });
    expect(parseEngineEndpoint(at("tcp://[::1]:2375"))).toMatchObject({ host: "::1" });
    expect(parseEngineEndpoint(at("ssh://me@build-box:2222"))).toEqual({
      kind: "ssh",
      host: "build-box",
      port: 2222,
      username: "me",
    });
    expect(parseEngineEndpoint(at("ssh://build-box"))).toEqual({
      kind: "ssh",
      host: "build-box",
      port: 22,
    });
  });

  it("refuses named pipes, unknown schemes and garbage, naming the endpoint and its source", () => {
    expect(() => parseEngineEndpoint(at("npipe:////./pipe/docker_engine"))).toThrow(
      "Windows named pipes are not supported by gini: npipe:////./pipe/docker_engine (from DOCKER_HOST)",
    );
    expect(() => parseEngineEndpoint(at("fd://"))).toThrow('unsupported scheme "fd://"');
    expect(() => parseEngineEndpoint(at("tcp://"))).toThrow("tcp:// (from DOCKER_HOST)");
  });

  it("refuses a host or user that ssh would read as an option", () => {
    for (const endpoint of [
      "ssh://-oProxyCommand=id@host",
      "ssh://-oProxyCommand=id",
      "tcp://-x:2375",
    ])
      expect(() => parseEngineEndpoint(at(endpoint))).toThrow(
        `an engine host or user name cannot start with '-': ${endpoint} (from DOCKER_HOST)`,
      );
  });
});

describe("sshTunnelCommand", () => {
  it("puts the destination after -- and quotes what the shell would read as syntax", () => {
    expect(sshTunnelCommand("ssh://me@build-box:2222", [4317])).toBe(
      "ssh -N -p 2222 -L 4317:127.0.0.1:4317 -- me@build-box",
    );
    expect(sshTunnelCommand("ssh://a;touch%20%2Ftmp%2Fpwned;@host", [9090])).toBe(
      "ssh -N -L 9090:127.0.0.1:9090 -- 'a;touch /tmp/pwned;@host'",
    );
    expect(sshTunnelCommand("ssh://it's@host", [9090])).toBe(
      "ssh -N -L 9090:127.0.0.1:9090 -- 'it'\\''s@host'",
    );
  });
});

describe("dockerodeOptions", () => {
  it("maps a unix socket to socketPath, clearing what docker-modem takes from the env", () => {
    const options = dockerodeOptions(at("unix:///run/podman/podman.sock"));
    expect(options).toMatchObject({ socketPath: "/run/podman/podman.sock" });
    expect("host" in options && options.host === undefined).toBe(true);
  });

  it("maps tcp to http, or to https with the PEM files read", () => {
    expect(dockerodeOptions(at("tcp://10.0.0.5:2375"))).toMatchObject({
      host: "10.0.0.5",
      port: 2375,
      protocol: "http",
    });
    const dir = tempFolder("gini-tls-");
    try {
      for (const f of ["ca", "cert", "key"]) writeFileSync(join(dir, `${f}.pem`), `${f} PEM`);
      const files = {
        ca: join(dir, "ca.pem"),
        cert: join(dir, "cert.pem"),
        key: join(dir, "key.pem"),
      };
      const options = dockerodeOptions(at("tcp://10.0.0.5:2376", { verify: true, ...files }));
      expect(options).toMatchObject({ protocol: "https", port: 2376 });
      expect(options.ca).toEqual(Buffer.from("ca PEM"));
      expect(options.key).toEqual(Buffer.from("key PEM"));
      expect(options.agent).toBeUndefined();
      const insecure = dockerodeOptions(at("tcp://10.0.0.5:2376", { verify: false }));
      expect(insecure.agent).toBeInstanceOf(Agent);
      expect(() =>
        dockerodeOptions(at("tcp://h:2376", { verify: true, ca: join(dir, "no.pem") })),
      ).toThrow(
        `cannot read the TLS file ${join(dir, "no.pem")} for tcp://h:2376 (from DOCKER_HOST)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("maps ssh to docker-modem's ssh protocol with the agent of SSH_AUTH_SOCK", () => {
    expect(
      dockerodeOptions(at("ssh://me@box"), { SSH_AUTH_SOCK: "/tmp/agent.sock" }),
    ).toMatchObject({
      protocol: "ssh",
      host: "box",
      port: 22,
      username: "me",
      sshOptions: { agent: "/tmp/agent.sock" },
    });
  });
});

describe("publishedPortsHost", () => {
  it("is undefined for a local engine, the engine's host for a remote one", () => {
    expect(publishedPortsHost("unix:///var/run/docker.sock")).toBeUndefined();
    expect(publishedPortsHost("tcp://127.0.0.1:2375")).toBeUndefined();
    expect(publishedPortsHost("tcp://localhost:2375")).toBeUndefined();
    expect(publishedPortsHost("ssh://me@[::1]")).toBeUndefined();
    expect(publishedPortsHost("tcp://10.0.0.5:2376")).toBe("10.0.0.5");
    expect(publishedPortsHost("ssh://me@build-box")).toBe("build-box");
  });
});

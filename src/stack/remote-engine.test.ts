import { afterEach, describe, expect, it, vi } from "vitest";

import { hostUrl, usePublishedHost } from "../config/index.js";
import { reachStack } from "./remote-engine.js";

describe("reachStack: where a command reaches the stack's ports", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    usePublishedHost("localhost");
  });

  it("keeps localhost for a local engine", () => {
    vi.stubEnv("DOCKER_HOST", "unix:///var/run/docker.sock");
    expect(reachStack({}, "0.0.0.0")).toBeUndefined();
    expect(hostUrl(16686)).toBe("http://localhost:16686/");
  });

  it("treats tcp to this machine as local", () => {
    vi.stubEnv("DOCKER_HOST", "tcp://127.0.0.1:2375");
    expect(reachStack({}, "0.0.0.0")).toBeUndefined();
  });

  it("points every URL at a remote engine's host when bind exposes the ports there", () => {
    vi.stubEnv("DOCKER_HOST", "tcp://build-box.lan:2376");
    expect(reachStack({}, "0.0.0.0")).toEqual({
      endpoint: "tcp://build-box.lan:2376",
      host: "build-box.lan",
    });
    expect(hostUrl(16686, "/monitor")).toBe("http://build-box.lan:16686/monitor");
  });

  it("keeps localhost behind an SSH tunnel when the remote ports stay on its loopback", () => {
    vi.stubEnv("DOCKER_HOST", "ssh://me@build-box:2222");
    const remote = reachStack({}, "127.0.0.1");
    expect(remote?.host).toBe("build-box");
    expect(remote?.tunnel).toBe(
      "ssh -N -p 2222 " +
        [4317, 4318, 8888, 8889, 13133, 16686, 9090]
          .map((p) => `-L ${p}:127.0.0.1:${p}`)
          .join(" ") +
        " me@build-box",
    );
    expect(hostUrl(9090)).toBe("http://localhost:9090/");
  });

  it("leaves an endpoint that does not resolve to the command's first engine call", () => {
    vi.stubEnv("DOCKER_HOST", "npipe:////./pipe/docker_engine");
    expect(reachStack({}, "0.0.0.0")).toBeUndefined();
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";

import { hostUrl } from "../config/index.js";
import { locateStack } from "./remote-engine.js";

describe("locateStack: where a command reaches the stack's ports", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("keeps localhost for a local engine", () => {
    vi.stubEnv("DOCKER_HOST", "unix:///var/run/docker.sock");
    const located = locateStack({}, "0.0.0.0");
    expect(located).toEqual({ publishedHost: "localhost" });
    expect(hostUrl(located.publishedHost, 16686)).toBe("http://localhost:16686/");
  });

  it("treats tcp to this machine as local", () => {
    vi.stubEnv("DOCKER_HOST", "tcp://127.0.0.1:2375");
    expect(locateStack({}, "0.0.0.0")).toEqual({ publishedHost: "localhost" });
  });

  it("points every URL at a remote engine's host when bind exposes the ports there", () => {
    vi.stubEnv("DOCKER_HOST", "tcp://build-box.lan:2376");
    const located = locateStack({}, "0.0.0.0");
    expect(located).toEqual({
      publishedHost: "build-box.lan",
      remote: { endpoint: "tcp://build-box.lan:2376", host: "build-box.lan" },
    });
    expect(hostUrl(located.publishedHost, 16686, "/monitor")).toBe(
      "http://build-box.lan:16686/monitor",
    );
  });

  it("keeps localhost behind an SSH tunnel when the remote ports stay on its loopback", () => {
    vi.stubEnv("DOCKER_HOST", "ssh://me@build-box:2222");
    const located = locateStack({}, "127.0.0.1");
    expect(located.remote?.host).toBe("build-box");
    expect(located.remote?.tunnel).toBe(
      "ssh -N -p 2222 " +
        [4317, 4318, 8888, 8889, 13133, 16686, 9090]
          .map((p) => `-L ${p}:127.0.0.1:${p}`)
          .join(" ") +
        " -- me@build-box",
    );
    expect(hostUrl(located.publishedHost, 9090)).toBe("http://localhost:9090/");
  });

  it("leaves an endpoint that does not resolve to the command's first engine call", () => {
    vi.stubEnv("DOCKER_HOST", "npipe:////./pipe/docker_engine");
    expect(locateStack({}, "0.0.0.0")).toEqual({ publishedHost: "localhost" });
  });

  it("settles each command afresh: nothing of an earlier remote engine stays behind", () => {
    vi.stubEnv("DOCKER_HOST", "tcp://build-box.lan:2376");
    expect(locateStack({}, "0.0.0.0").publishedHost).toBe("build-box.lan");
    vi.stubEnv("DOCKER_HOST", "unix:///var/run/docker.sock");
    expect(locateStack({}, "0.0.0.0").publishedHost).toBe("localhost");
  });
});

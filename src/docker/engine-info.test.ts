import { describe, expect, it } from "vitest";

import { identifyEngine, notAnEngine, unreachableError } from "./engine-info.js";

describe("identifyEngine", () => {
  it("tells Podman from Docker Engine by /version's components", () => {
    expect(
      identifyEngine({
        Version: "4.3.1",
        Components: [{ Name: "Podman Engine", Version: "4.3.1" }],
      }),
    ).toEqual({ name: "Podman", version: "4.3.1" });
    expect(
      identifyEngine({
        Version: "28.2.2",
        Components: [
          { Name: "Engine", Version: "28.2.2" },
          { Name: "containerd", Version: "1.7.27" },
        ],
      }),
    ).toEqual({ name: "Docker Engine", version: "28.2.2" });
    expect(identifyEngine({ Version: "1.0", Components: [{ Name: "Other" }] })).toEqual({
      name: "Other",
      version: "1.0",
    });
  });
});

describe("unreachableError", () => {
  const cause = new Error("connect ENOENT /run/x.sock");

  it("names the endpoint and the context it came from", () => {
    const err = unreachableError(cause, {
      endpoint: "unix:///run/x.sock",
      source: { kind: "DOCKER_CONTEXT", context: "colima" },
      tried: ["unix:///run/x.sock"],
    });
    expect(err.message).toBe(
      'Docker engine not reachable at unix:///run/x.sock (context "colima" from DOCKER_CONTEXT): connect ENOENT /run/x.sock',
    );
    expect(err.code).toBe("engine-unreachable");
    expect(err.hint).not.toContain("tried:");
    expect(err.hint).toContain("docker context use");
  });

  it("lists what it tried when it fell back, and how to fix it", () => {
    const err = unreachableError(cause, {
      endpoint: "unix:///var/run/docker.sock",
      source: { kind: "default" },
      tried: ["unix:///var/run/docker.sock", "unix:///run/user/0/docker.sock"],
    });
    expect(err.message).toMatch(/at unix:\/\/\/var\/run\/docker.sock \(default socket\)/);
    expect(err.hint).toMatch(
      /^tried: unix:\/\/\/var\/run\/docker.sock, unix:\/\/\/run\/user\/0\/docker.sock; start Docker/,
    );
    expect(err.hint).toContain("DOCKER_HOST or --context");
  });
});

describe("unreachableError from DOCKER_HOST", () => {
  it("tells to start Docker or to unset DOCKER_HOST", () => {
    const err = unreachableError(new Error("connect ENOENT"), {
      endpoint: "unix:///tmp/none.sock",
      source: { kind: "DOCKER_HOST" },
      tried: ["unix:///tmp/none.sock"],
    });
    expect(err.message).toMatch(
      /^Docker engine not reachable at unix:\/\/\/tmp\/none.sock \(DOCKER_HOST\)/,
    );
    expect(err.hint).toMatch(/^start Docker .*unset DOCKER_HOST/);
  });
});

describe("notAnEngine", () => {
  const resolved = {
    endpoint: "unix:///var/run/docker.sock",
    source: { kind: "default" as const },
    tried: [],
  };
  // Shaped as docker-modem rejects: statusCode, and json (the parsed body, else the raw one).
  it("leaves the engine's own errors alone", () => {
    const engine = [
      { statusCode: 404, json: { message: "No such container: x" } },
      // Stopping a stopped container: 304, no body (down relies on telling it apart).
      { statusCode: 304, json: Buffer.alloc(0) },
      // A streamed call (pull, logs): docker-modem keeps no body.
      { statusCode: 404, json: null },
      { code: "ECONNREFUSED" },
    ];
    for (const err of engine) expect(notAnEngine(err, resolved)).toBeUndefined();
  });

  it("names a web page or a non-HTTP answer", () => {
    const page = { statusCode: 404, json: Buffer.from("<html>404</html>") };
    expect(notAnEngine(page, resolved)?.message).toBe(
      "unix:///var/run/docker.sock (default socket) answered HTTP 404, not as a Docker engine does",
    );
    expect(notAnEngine({ code: "HPE_INVALID_CONSTANT" }, resolved)?.message).toContain(
      "answered, but not over HTTP",
    );
  });
});

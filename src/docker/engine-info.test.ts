import { describe, expect, it } from "vitest";

import { identifyEngine, unreachableError } from "./engine-info.js";

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

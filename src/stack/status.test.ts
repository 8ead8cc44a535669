import { describe, expect, it } from "vitest";

import { fixtureProject } from "../config/project.fake.js";
import { FakeDocker } from "../docker/docker.fake.js";
import { status } from "./status.js";
import { up } from "./up.js";

describe("status (fake engine)", () => {
  it("names the engine beside the project, its network and the three services", async () => {
    const refused = async () => ({ ok: false, detail: "connection refused" });
    const result = await status(fixtureProject({ name: "mine" }), new FakeDocker(), refused, "x");
    expect(result).toMatchObject({
      project: "mine",
      network: null,
      engine: {
        name: "Docker Engine",
        version: "28.0.0-fake",
        endpoint: "unix:///var/run/docker.sock",
        source: "default socket",
      },
    });
    expect(result.services.map((s) => s.state)).toEqual(["missing", "missing", "missing"]);
  });

  it("does not show a same-named project's stack from another folder as this one's", async () => {
    const docker = new FakeDocker();
    const options = {
      pull: "missing" as const,
      timeoutSeconds: 5,
      docker,
      clock: { now: () => 0, sleep: async () => {} },
      probe: async () => ({ ok: true, detail: "HTTP 200" }),
      portFree: async () => true,
      location: { publishedHost: "localhost" },
    };
    await up(fixtureProject({ name: "api" }), options, () => {});
    const here = await status(fixtureProject({ name: "api" }), docker, options.probe, "x");
    expect(here.services.map((s) => s.state)).toEqual(["missing", "missing", "missing"]);
  });

  it("shows restart counts, and the last lines of a service that restarted", async () => {
    const docker = new FakeDocker();
    const p = fixtureProject({ name: "mine" });
    const probe = async () => ({ ok: true, detail: "HTTP 200" });
    const clock = { now: () => 0, sleep: async () => {} };
    const options = { pull: "missing" as const, timeoutSeconds: 5, docker, clock, probe };
    await up(
      p,
      { ...options, portFree: async () => true, location: { publishedHost: "localhost" } },
      () => {},
    );
    docker.details.set("jaeger", { restartCount: 2 });
    docker.logLines = ["panic: out of sorts"];
    const { services } = await status(p, docker, probe, "localhost");
    expect(services.map((s) => s.restartCount)).toEqual([0, 2, 0]);
    expect(services[1]!.lastLines).toEqual(["panic: out of sorts"]);
    expect(services[0]).not.toHaveProperty("lastLines");
  });

  it("gives each running UI's URL on the published host it is handed", async () => {
    const docker = new FakeDocker();
    const p = fixtureProject({ name: "mine" });
    const probe = async () => ({ ok: true, detail: "HTTP 200" });
    const options = { pull: "missing" as const, timeoutSeconds: 5, docker, probe };
    const clock = { now: () => 0, sleep: async () => {} };
    await up(
      p,
      { ...options, clock, portFree: async () => true, location: { publishedHost: "localhost" } },
      () => {},
    );
    const urls = async (host: string) =>
      (await status(p, docker, probe, host)).services.map((s) => s.url);
    expect(await urls("localhost")).toEqual([
      null,
      "http://localhost:16686/",
      "http://localhost:9090/",
    ]);
    expect(await urls("build-box.lan")).toEqual([
      null,
      "http://build-box.lan:16686/",
      "http://build-box.lan:9090/",
    ]);
  });

  it("fails like ping when the engine does not answer", async () => {
    const docker = new FakeDocker();
    docker.ping = () => Promise.reject(new Error("Docker engine not reachable at unix:///x.sock"));
    await expect(
      status(fixtureProject({ name: "mine" }), docker, async () => ({ ok: true, detail: "" }), "x"),
    ).rejects.toThrow("not reachable");
  });
});

import { describe, expect, it } from "vitest";

import { fixtureProject } from "../../test/helpers/project-fixture.js";
import { FakeDocker } from "../docker/docker.fake.js";
import { status } from "./status.js";

describe("status (fake engine)", () => {
  it("names the engine beside the project, its network and the three services", async () => {
    const result = await status(fixtureProject({ name: "mine" }), new FakeDocker(), async () => ({
      ok: false,
      detail: "connection refused",
    }));
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

  it("fails like ping when the engine does not answer", async () => {
    const docker = new FakeDocker();
    docker.ping = () => Promise.reject(new Error("Docker engine not reachable at unix:///x.sock"));
    await expect(
      status(fixtureProject({ name: "mine" }), docker, async () => ({ ok: true, detail: "" })),
    ).rejects.toThrow("not reachable");
  });
});

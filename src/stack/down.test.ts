import { describe, expect, it } from "vitest";

import { fixtureProject } from "../../test/helpers/project-fixture.js";
import { FakeDocker } from "../docker/docker.fake.js";
import { down } from "./down.js";

const mine = fixtureProject({ name: "mine" });

const spec = (name: string, project: string) => ({
  name,
  image: "img",
  labels: { "gini.project": project, "gini.service": name },
  ports: [],
  mounts: [],
  network: "gini-network",
  aliases: [name],
});

describe("down (fake engine)", () => {
  it("removes only this project's containers and network, found by label", async () => {
    const docker = new FakeDocker();
    await docker.createContainer(spec("jaeger", "mine"));
    await docker.createContainer(spec("prometheus", "mine"));
    await docker.createContainer(spec("other-thing", "theirs"));
    await docker.createNetwork("gini-network", { "gini.project": "mine" });
    const result = await down(mine, docker);
    expect(result).toEqual({
      containers: ["jaeger", "prometheus"],
      networks: ["gini-network"],
    });
    expect([...docker.containers.values()].map((c) => c.name)).toEqual(["other-thing"]);
    expect(docker.networks.size).toBe(0);
  });

  it("keeps an image app's anonymous volumes unless asked, and never the stack's", async () => {
    const docker = new FakeDocker();
    await docker.createContainer(spec("prometheus", "mine"));
    await docker.createContainer(spec("mine-db", "mine"));
    await down(mine, docker);
    expect(docker.calls.filter((c) => c.startsWith("remove ")).sort()).toEqual([
      "remove mine-db",
      "remove prometheus and its volumes",
    ]);
    await docker.createContainer(spec("mine-db", "mine"));
    await down(mine, docker, { volumes: true });
    expect(docker.calls).toContain("remove mine-db and its volumes");
  });

  it("succeeds with nothing up", async () => {
    expect(await down(mine, new FakeDocker())).toEqual({ containers: [], networks: [] });
  });
});

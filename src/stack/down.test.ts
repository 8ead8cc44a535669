import { describe, expect, it } from "vitest";

import { fixtureProject } from "../config/project.fake.js";
import { FakeDocker } from "../docker/docker.fake.js";
import { down } from "./down.js";
import { projectLabels } from "./labels.js";

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

  it("never removes the stack of a same-named project in another folder, and names it", async () => {
    const docker = new FakeDocker();
    const there = fixtureProject({ name: "api" });
    const labels = { ...projectLabels(there), "gini.service": "jaeger" };
    await docker.createContainer({ ...spec("jaeger", "api"), labels });
    await docker.createNetwork("gini-network", projectLabels(there));
    const here = fixtureProject({ name: "api" });
    await expect(down(here, docker)).rejects.toMatchObject({
      message: `gini project "api" is up from another folder, ${there.dir}, not from this one`,
      hint: `\`cd ${there.dir} && gini down\` (or \`gini down --project-dir ${there.dir}\`) removes it`,
    });
    expect(docker.containers.size).toBe(1);
    expect(docker.networks.size).toBe(1);
    expect((await down(there, docker)).containers).toEqual(["jaeger"]);
  });

  it("removes every network of the project by ID, even several of one name", async () => {
    const docker = new FakeDocker();
    await docker.createNetwork("gini-network", projectLabels(mine));
    await docker.createNetwork("gini-network", projectLabels(mine));
    expect((await down(mine, docker)).networks).toEqual(["gini-network", "gini-network"]);
    expect(docker.networks.size).toBe(0);
  });

  it("removes what receives data after what sends it, and kills what keeps no data in flight", async () => {
    const docker = new FakeDocker();
    for (const name of ["jaeger", "otel-collector", "prometheus", "mine-api"])
      await docker.createContainer(spec(name, "mine"));
    // An image app carries the project's labels but no service's.
    const app = [...docker.containers.values()].find((c) => c.name === "mine-api")!;
    delete app.spec.labels["gini.service"];
    await down(mine, docker);
    const order = docker.graces.map(([name]) => name);
    expect(order.indexOf("otel-collector")).toBeGreaterThan(order.indexOf("mine-api"));
    expect(order.indexOf("jaeger")).toBeGreaterThan(order.indexOf("otel-collector"));
    expect(Object.fromEntries(docker.graces)).toEqual({
      "mine-api": 2,
      "otel-collector": 2,
      jaeger: 0,
      prometheus: 0,
    });
  });

  it("succeeds with nothing up", async () => {
    expect(await down(mine, new FakeDocker())).toEqual({ containers: [], networks: [] });
  });
});

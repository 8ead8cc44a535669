import { describe, expect, it } from "vitest";

import { FakeDocker } from "../docker/docker.fake.js";
import { containerGone } from "./readiness.js";

async function runningContainer(docker: FakeDocker, restartCount: number): Promise<string> {
  const id = await docker.createContainer({
    name: "otel-collector",
    image: "x",
    labels: {},
    env: {},
    ports: [],
    mounts: [],
    network: "gini-network",
    aliases: [],
  });
  await docker.startContainer(id);
  docker.details.set("otel-collector", { restartCount });
  return id;
}

describe("containerGone: when waiting for a container's readiness is pointless", () => {
  it("keeps waiting for one that crashed before the wait (on a config since fixed)", async () => {
    const docker = new FakeDocker();
    const gone = containerGone(docker, await runningContainer(docker, 3));
    expect(await gone()).toBeUndefined();
    expect(await gone()).toBeUndefined();
  });

  it("gives up once the engine restarts it during the wait", async () => {
    const docker = new FakeDocker();
    const gone = containerGone(docker, await runningContainer(docker, 3));
    expect(await gone()).toBeUndefined();
    docker.details.set("otel-collector", { restartCount: 4, exitCode: 1 });
    expect(await gone()).toBe(
      "did not get ready: its container exited (code 1) and the engine restarts it",
    );
  });

  it("gives a container that was crash-looping when the wait began one restart more", async () => {
    const docker = new FakeDocker();
    const id = await runningContainer(docker, 3);
    const now = Date.parse("2026-12-02T15:00:05Z");
    docker.details.set("otel-collector", { restartCount: 3, startedAt: "2026-12-02T15:00:04Z" });
    const gone = containerGone(docker, id, () => now);
    expect(await gone()).toBeUndefined();
    // Its run under way read the config before the user fixed it: it crashes once more.
    docker.details.set("otel-collector", { state: "restarting", restartCount: 3, exitCode: 1 });
    expect(await gone()).toBeUndefined();
    docker.details.set("otel-collector", { state: "running", restartCount: 4 });
    expect(await gone()).toBeUndefined();
    // A crash after the engine's start that read the fixed file is the config's fault again.
    docker.details.set("otel-collector", { state: "restarting", restartCount: 4, exitCode: 1 });
    expect(await gone()).toBe(
      "did not get ready: its container exited (code 1) and the engine restarts it",
    );
  });

  it("gives up on one that no longer runs", async () => {
    const docker = new FakeDocker();
    const gone = containerGone(docker, await runningContainer(docker, 0));
    docker.details.set("otel-collector", { state: "exited" });
    expect(await gone()).toBe("did not get ready: its container is exited");
  });
});

import { describe, expect, it } from "vitest";

import type { ContainerInfo, ContainerSpec } from "../docker/types.js";
import { LABEL_SPEC_HASH } from "./labels.js";
import { planStep } from "./plan.js";
import { NETWORK } from "./services.js";

const spec: ContainerSpec = {
  name: "jaeger",
  image: "jaegertracing/jaeger:2",
  labels: { [LABEL_SPEC_HASH]: "abc" },
  ports: [],
  mounts: [],
  network: NETWORK,
  aliases: ["jaeger"],
};

function container(over: Partial<ContainerInfo>): ContainerInfo {
  return {
    id: "c1",
    name: "jaeger",
    image: spec.image,
    imageId: "sha256:1",
    state: "running",
    labels: { [LABEL_SPEC_HASH]: "abc" },
    ports: [],
    networks: [NETWORK],
    ...over,
  };
}

describe("planStep", () => {
  it("creates a missing container", () => {
    expect(planStep(spec, undefined).action).toBe("create");
  });
  it("keeps a running, unchanged container", () => {
    expect(planStep(spec, container({})).action).toBe("keep");
  });
  it("starts a stopped, unchanged container", () => {
    expect(planStep(spec, container({ state: "exited" })).action).toBe("start");
  });
  it("recreates a crash-looping container, which the engine will not start while it waits", () => {
    expect(planStep(spec, container({ state: "restarting" })).action).toBe("recreate");
  });
  it("recreates a container whose spec changed", () => {
    expect(planStep(spec, container({ labels: { [LABEL_SPEC_HASH]: "old" } })).action).toBe(
      "recreate",
    );
  });
  it("recreates a running container cut off from gini-network", () => {
    expect(planStep(spec, container({ networks: ["bridge"] })).action).toBe("recreate");
  });
});

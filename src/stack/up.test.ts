import { beforeEach, describe, expect, it } from "vitest";

import type { Project } from "../config/load.js";
import { fixtureProject } from "../config/project.fake.js";
import { FakeDocker } from "../docker/docker.fake.js";
import type { Clock } from "../health/clock.js";
import { withSpecHash } from "./container-spec.js";
import { LABEL_SPEC_HASH } from "./labels.js";
import { up, type UpOptions } from "./up.js";

const project = (): Project => fixtureProject({ name: "unit" });

const clock: Clock = (() => {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
})();

describe("up (fake engine)", () => {
  let docker: FakeDocker;
  let options: UpOptions;
  beforeEach(() => {
    docker = new FakeDocker();
    options = {
      pull: "missing",
      timeoutSeconds: 5,
      docker,
      clock,
      probe: async () => ({ ok: true, detail: "HTTP 200" }),
      portFree: async () => true,
      location: { publishedHost: "localhost" },
    };
  });

  it("pulls missing images, creates the network and every container, and reuses them next time", async () => {
    const p = project();
    const first = await up(p, options, () => {});
    expect(first.map((s) => s.action)).toEqual(["create", "create", "create"]);
    expect(docker.calls.filter((c) => c.startsWith("pull"))).toHaveLength(3);
    expect(docker.network("gini-network")?.labels).toEqual({
      "gini.project": "unit",
      "gini.project-dir": p.dir,
    });
    const second = await up(p, options, () => {});
    expect(second.map((s) => s.action)).toEqual(["keep", "keep", "keep"]);
    expect(second.map((s) => s.containerId)).toEqual(first.map((s) => s.containerId));
  });

  it("reports how long each phase took, per service for the engine's create and start", async () => {
    const phases: string[] = [];
    await up(project(), options, (e) => {
      if (e.type === "phase") phases.push(e.phase);
    });
    expect(phases).toEqual(
      expect.arrayContaining([
        "validate",
        "engine: ping, containers, networks",
        "images",
        "network",
        "jaeger: create",
        "jaeger: start",
        "prometheus: start",
      ]),
    );
  });

  it("creates nothing when a host port is taken, and names port and service", async () => {
    const taken = up(
      project(),
      { ...options, portFree: async (_h, port) => port !== 16686 },
      () => {},
    );
    await expect(taken).rejects.toThrow("host port 16686 (jaeger) already in use on 127.0.0.1");
    expect(docker.calls.filter((c) => !c.startsWith("pull"))).toEqual([]);
  });

  it("on a remote engine, probes readiness on its host and leaves this machine's ports alone", async () => {
    const probed: string[] = [];
    await up(
      project(),
      {
        ...options,
        // An SSH tunnel may hold these ports here: they are not the ones the engine binds.
        portFree: async () => false,
        probe: async (url) => (probed.push(url), { ok: true, detail: "HTTP 200" }),
        location: {
          publishedHost: "build-box",
          remote: { endpoint: "tcp://build-box:2375", host: "build-box" },
        },
      },
      () => {},
    );
    expect(probed.sort()).toEqual([
      "http://build-box:13133/",
      "http://build-box:16686/",
      "http://build-box:9090/-/ready",
    ]);
  });

  it("on a remote engine behind the printed SSH tunnel, a readiness timeout names the tunnel", async () => {
    const remote = { endpoint: "ssh://me@build-box", host: "build-box", tunnel: "ssh -N …" };
    const unready = up(
      project(),
      {
        ...options,
        probe: async () => ({ ok: false, detail: "connection refused" }),
        location: { publishedHost: "localhost", remote },
      },
      () => {},
    );
    const err = (await unready.catch((e: unknown) => e)) as { hint?: string };
    expect(err.hint).toMatch(
      /^gini reaches the remote stack through the SSH tunnel printed above: start it/,
    );
  });

  it("replaces a crash-looping container whose ports the engine still holds for its restart", async () => {
    const p = project();
    await up(p, options, () => {});
    const jaeger = [...docker.containers.values()].find((c) => c.name === "jaeger")!;
    Object.assign(jaeger, { state: "restarting", ports: [] });
    const again = await up(
      p,
      { ...options, portFree: async (_h, port) => port !== 16686 },
      () => {},
    );
    expect(again.map((s) => s.action)).toEqual(["keep", "recreate", "keep"]);
  });

  it("fails fast with the last log lines when a container exits", async () => {
    docker.crashOnStart.add("otel-collector");
    docker.logLines = ['Error: failed to get config: unknown type: "jaeger_storage_exporter"'];
    const probe = async (url: string) => ({
      ok: !url.includes("13133"),
      detail: "connection refused",
    });
    const failed = up(project(), { ...options, probe }, () => {});
    await expect(failed).rejects.toMatchObject({
      message: "otel-collector did not get ready: its container is exited",
      details: ['Error: failed to get config: unknown type: "jaeger_storage_exporter"'],
    });
  });

  it("refuses to pull under --pull never", async () => {
    await expect(up(project(), { ...options, pull: "never" }, () => {})).rejects.toThrow(
      /--pull never forbids/,
    );
    expect(docker.calls).toEqual([]);
  });

  it("refuses the stack of a same-named project in another folder, naming that folder", async () => {
    const there = fixtureProject({ name: "api" });
    await up(there, options, () => {});
    const here = up(fixtureProject({ name: "api" }), options, () => {});
    await expect(here).rejects.toMatchObject({
      message: `container "otel-collector" belongs to gini project "api" in another folder, ${there.dir}`,
      hint: `\`cd ${there.dir} && gini down\` (or \`gini down --project-dir ${there.dir}\`) removes it`,
    });
  });

  it("keeps, not recreates, a stack an older gini made without the folder label", async () => {
    const p = project();
    await up(p, options, () => {});
    for (const c of docker.containers.values()) delete c.labels["gini.project-dir"];
    const again = await up(p, options, () => {});
    expect(again.map((s) => s.action)).toEqual(["keep", "keep", "keep"]);
  });

  it("keeps one of several networks named gini-network that two ups at once left", async () => {
    const p = project();
    await up(p, options, () => {});
    const used = docker.network("gini-network")!.id;
    await docker.createNetwork("gini-network", { "gini.project": "unit" });
    await up(p, options, () => {});
    expect([...docker.networks.keys()]).toEqual([used]);
  });

  it("has the engine restart a crashed service, at most 5 times; a stack from before is recreated once", async () => {
    const p = project();
    await up(p, options, () => {});
    for (const c of docker.containers.values()) {
      expect(c.spec.restart).toEqual({ name: "on-failure", maxRetries: 5 });
      const before = { ...c.spec, labels: { ...c.spec.labels }, restart: undefined };
      c.labels[LABEL_SPEC_HASH] = withSpecHash(before, c.imageId).labels[LABEL_SPEC_HASH]!;
    }
    expect((await up(p, options, () => {})).map((s) => s.action)).toEqual([
      "recreate",
      "recreate",
      "recreate",
    ]);
    expect((await up(p, options, () => {})).map((s) => s.action)).toEqual(["keep", "keep", "keep"]);
  });

  it("fails fast on a service the engine restarts, with its exit code", async () => {
    docker.details.set("jaeger", { state: "restarting", restartCount: 1, exitCode: 2 });
    const probe = async (url: string) => ({ ok: !url.includes("16686"), detail: "refused" });
    await expect(up(project(), { ...options, probe }, () => {})).rejects.toThrow(
      "jaeger did not get ready: its container exited (code 2) and the engine restarts it",
    );
  });

  it("refuses to take over a container of another project", async () => {
    const other = { ...project(), name: "other" };
    await up(other, options, () => {});
    await expect(up(project(), options, () => {})).rejects.toThrow(
      'container name "otel-collector" is taken by gini project "other"',
    );
  });
});

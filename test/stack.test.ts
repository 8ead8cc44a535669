// The stack's lifecycle against a real Docker engine: up, status, logs and down, and an up that
// repairs what changed. The ways an up fails are in stack-failures.test.ts.
import { appendFileSync } from "node:fs";
import { join } from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { containerId, containersLabelled, docker, inspect, networkId } from "./helpers/docker.js";
import { gini, projectDownAround, type Run } from "./helpers/gini.js";
import { StatusDoc } from "./helpers/json-docs.js";

const SERVICES = ["otel-collector", "jaeger", "prometheus"];
const LABEL = "gini.project=gini-it";
const ids = () => Object.fromEntries(SERVICES.map((s) => [s, containerId(s)]));

describe("gini up / status / logs / down against a real Docker engine", () => {
  // A ':' in the path: a bind written as a Binds string (SOURCE:TARGET:ro) would split there.
  const dir = projectFixture({ name: "gini-it", under: "with:colon" });

  projectDownAround(dir);

  // One `gini up` from nothing, looked at by each test in turn; the last one takes it down.
  describe("a stack brought up from nothing", () => {
    let up: Run;
    let statusRun: Run;
    const statusDoc = () => StatusDoc.parse(JSON.parse(statusRun.stdout));

    beforeAll(async () => {
      up = await gini(dir, ["up", "--detach", "--no-apps"]);
      statusRun = await gini(dir, ["status", "--json"]);
    });

    it("up succeeds and prints the Monitor tab's and Prometheus's URLs", () => {
      expect(up.stderr + up.stdout).not.toContain("error:");
      expect(up.code).toBe(0);
      expect(up.stdout).toContain("http://localhost:16686/monitor");
      expect(up.stdout).toContain("http://localhost:9090/");
    });

    it("status --json names the project, its network and the three services in order", () => {
      expect(statusRun.code).toBe(0);
      const doc = statusDoc();
      expect(doc.project).toBe("gini-it");
      expect(doc.network).toBe("gini-network");
      expect(doc.services.map((s) => s.name)).toEqual(SERVICES);
    });

    it("status --json lists the demo apps as stopped after --no-apps", () => {
      expect(statusDoc().apps.map((a) => [a.name, a.state])).toEqual([
        ["api", "stopped"],
        ["ui", "stopped"],
      ]);
    });

    it("status --json shows each service running and healthy, published on 127.0.0.1 only", () => {
      const services = statusDoc().services;
      for (const name of SERVICES) {
        const s = services.find((x) => x.name === name);
        expect(s, name).toMatchObject({
          state: "running",
          health: "healthy",
          container: containerId(name),
        });
        expect(s?.ports.length, `${name} publishes a port`).toBeGreaterThan(0);
        for (const p of s?.ports ?? []) expect(p.hostIp).toBe("127.0.0.1");
      }
    });

    it("the collector publishes its OTLP, metrics and health ports", () => {
      expect(statusDoc().services[0]?.ports.map((p) => p.host)).toEqual([
        4317, 4318, 8888, 8889, 13133,
      ]);
    });

    it("each container has gini's labels, read-only config mounts, no privileges and its alias", () => {
      for (const s of SERVICES) {
        const c = inspect(s);
        expect(c.Config.Labels).toMatchObject({ "gini.project": "gini-it", "gini.service": s });
        // Only the configs are bound from the host; Jaeger's image also declares VOLUME /tmp,
        // an anonymous volume of its own that `down` removes.
        const binds = c.Mounts.filter((m) => m.Type === "bind");
        expect(binds.length, `${s} mounts its config`).toBe(1);
        expect(binds.every((m) => !m.RW)).toBe(true);
        expect(binds[0]!.Source).toContain("/with:colon/gini-it/");
        expect(c.HostConfig.Privileged).toBe(false);
        expect(c.NetworkSettings.Networks["gini-network"]?.Aliases).toContain(s);
      }
    });

    it("the network carries the project's label", () => {
      expect(docker("network", "inspect", "-f", "{{json .Labels}}", "gini-network")).toContain(
        '"gini.project":"gini-it"',
      );
    });

    it("status prints a row per service with its state, health, restarts, ports and URL", async () => {
      const table = await gini(dir, ["status"]);
      expect(table.stdout).toMatch(
        /prometheus\s+running\s+healthy\s+0\s+127\.0\.0\.1:9090→9090\s+http:\/\/localhost:9090\//,
      );
    });

    it("logs SERVICE prints that service's log", async () => {
      for (const s of SERVICES) {
        const l = await gini(dir, ["logs", s, "--tail", "50"]);
        expect(l.code).toBe(0);
        expect((l.stdout + l.stderr).trim().length, `log of ${s}`).toBeGreaterThan(0);
      }
      const promLogs = await gini(dir, ["logs", "prometheus"]);
      expect(promLogs.stdout + promLogs.stderr).toContain(
        "Server is ready to receive web requests",
      );
    });

    it("logs of two services prefixes each line with its service's name", async () => {
      const both = await gini(dir, ["logs", "jaeger", "prometheus"]);
      expect(both.stdout).toMatch(/^\[prometheus\] .*Server is ready/m);
      expect(both.stdout).toMatch(/^\[jaeger\]/m);
    });

    it("logs of an unknown name is a usage error that lists the services", async () => {
      const unknown = await gini(dir, ["logs", "grafana"]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown service or app "grafana"');
      expect(unknown.stderr).toContain("otel-collector, jaeger, prometheus");
    });

    it("down removes every container and the network", async () => {
      const down = await gini(dir, ["down"]);
      expect(down.code).toBe(0);
      expect(down.stdout).toContain("network gini-network removed");
      expect(containersLabelled(LABEL)).toEqual([]);
      expect(networkId()).toBe("");
    });
  });

  // Each repair compares the containers with those just before it, on the stack the first up made.
  describe("a second up repairs only what changed", () => {
    let first: Run;
    beforeAll(async () => {
      first = await gini(dir, ["up", "-d", "--no-apps"]);
    });

    it("keeps every container when nothing changed", async () => {
      expect(first.code).toBe(0);
      const before = ids();
      const again = await gini(dir, ["up", "-d", "--no-apps"]);
      expect(again.code).toBe(0);
      expect(ids()).toEqual(before);
    });

    it("recreates a removed container and keeps the others", async () => {
      const before = ids();
      docker("rm", "-f", "-v", "jaeger");
      expect((await gini(dir, ["up", "-d", "--no-apps"])).code).toBe(0);
      const after = ids();
      expect(after.jaeger).not.toBe("");
      expect(after.jaeger).not.toBe(before.jaeger);
      expect(after.prometheus).toBe(before.prometheus);
    });

    it("starts a stopped container again, the same one", async () => {
      const before = ids();
      docker("stop", "-t", "1", "otel-collector");
      const restarted = await gini(dir, ["up", "-d", "--no-apps"]);
      expect(restarted.stderr).toContain("otel-collector started");
      expect(ids()["otel-collector"]).toBe(before["otel-collector"]);
      expect(inspect("otel-collector").State.Running).toBe(true);
    });

    it("recreates the container whose config file changed, and only that one", async () => {
      const before = ids();
      appendFileSync(join(dir, "prometheus.yml"), "\n# changed by the test\n");
      const changed = await gini(dir, ["up", "-d", "--no-apps"]);
      expect(changed.code).toBe(0);
      expect(changed.stderr).toContain("prometheus recreated");
      expect(ids().prometheus).not.toBe(before.prometheus);
      expect(ids()["otel-collector"]).toBe(before["otel-collector"]);
    });
  });

  it("down twice: the second one says nothing is up", async () => {
    expect((await gini(dir, ["down"])).code).toBe(0);
    const second = await gini(dir, ["down"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Nothing to remove");
  });
});

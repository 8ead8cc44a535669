import { describe, expect, it } from "vitest";

import { FakeDocker } from "../docker/docker.fake.js";
import { fakeDoctorDeps, fakeProject, runningStack } from "./doctor.fake.js";
import { runDoctor } from "./run.js";
import type { Check } from "./types.js";

const byId = (checks: Check[], id: string) => checks.filter((c) => c.id === id);

describe("runDoctor", () => {
  it("passes a healthy stack with traffic, probing only loopback", async () => {
    const docker = new FakeDocker();
    runningStack(docker);
    const { deps, requested } = fakeDoctorDeps(docker);
    const report = await runDoctor(fakeProject(), deps, { publishedHost: "localhost" });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.ok).toBe(true);
    expect(new Set(report.checks.map((c) => c.group)).size).toBe(10);
    expect(requested.every((u) => u.startsWith("http://127.0.0.1:"))).toBe(true);
    // Memoized: each URL once, although several groups read it.
    expect(requested.length).toBe(new Set(requested).size);
    expect(byId(report.checks, "span-metrics.calls")[0]!.finding).toContain(
      "traces_span_metrics_calls_total exists for gini-api, gini-ui",
    );
  });

  it("on a remote engine, probes the stack on its host and checks none of this machine's ports", async () => {
    const remote = {
      publishedHost: "build-box",
      remote: { endpoint: "tcp://build-box:2375", host: "build-box" },
    };
    const docker = new FakeDocker();
    runningStack(docker);
    const { deps, requested } = fakeDoctorDeps(docker);
    const report = await runDoctor(fakeProject(), deps, remote);
    expect(requested.length).toBeGreaterThan(5);
    expect(requested.filter((u) => !u.startsWith("http://build-box:"))).toEqual([]);
    expect(byId(report.checks, "span-metrics.calls")[0]!.status).toBe("pass");

    // Down, with an SSH tunnel holding the ports here: not the engine's ports, so not "taken".
    const downDeps = fakeDoctorDeps(new FakeDocker());
    downDeps.taken.set(9090, { pid: 4242, command: "ssh -N -L 9090:127.0.0.1:9090 build-box" });
    const down = await runDoctor(fakeProject(), downDeps.deps, remote);
    const ports = down.checks.filter((c) => c.group === "ports");
    expect(ports.map((c) => [c.status, c.finding])).toEqual([
      [
        "skip",
        "the engine is remote: the stack's host ports are on build-box, not this machine's (`gini up` reports a taken one)",
      ],
    ]);
  });

  it("with the stack down, names the taken port and its process after the missing stack", async () => {
    const docker = new FakeDocker();
    const { deps, taken } = fakeDoctorDeps(docker);
    taken.set(9090, { pid: 4242, command: "python3 -m http.server 9090" });
    const report = await runDoctor(fakeProject(), deps, { publishedHost: "localhost" });
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ group: "containers", status: "fail" });
    expect(byId(report.checks, "port.9090")[0]).toMatchObject({
      status: "fail",
      finding: "host port 9090 (prometheus) is taken by pid 4242: python3 -m http.server 9090",
    });
    expect(byId(report.checks, "collector")[0]!.status).toBe("skip");
  });

  it("names the container that publishes a taken port", async () => {
    const docker = new FakeDocker();
    runningStack(docker, "other");
    const { deps } = fakeDoctorDeps(docker);
    deps.portFree = async (_h, port) => port !== 16686;
    const report = await runDoctor(fakeProject(), deps, { publishedHost: "localhost" });
    expect(byId(report.checks, "container.jaeger")[0]!.finding).toContain('gini project "other"');
    expect(byId(report.checks, "port.16686")[0]!.finding).toContain('by container "jaeger"');
  });

  it("puts a stopped prometheus first and skips what depends on it", async () => {
    const docker = new FakeDocker();
    runningStack(docker);
    docker.containers.get("prometheus")!.state = "exited";
    docker.details.set("prometheus", { state: "exited", exitCode: 137, oomKilled: true });
    const report = await runDoctor(fakeProject(), fakeDoctorDeps(docker).deps, {
      publishedHost: "localhost",
    });
    expect(report.checks[0]).toMatchObject({
      id: "container.prometheus",
      status: "fail",
      finding: "prometheus is exited (exit code 137, killed for lack of memory (OOM))",
    });
    expect(byId(report.checks, "prometheus")[0]!.status).toBe("skip");
    expect(byId(report.checks, "span-metrics")[0]!.status).toBe("skip");
  });

  it("names a service the engine keeps restarting, with its exit code and restarts", async () => {
    const docker = new FakeDocker();
    runningStack(docker);
    docker.containers.get("jaeger")!.state = "restarting";
    docker.details.set("jaeger", { state: "restarting", exitCode: 1, restartCount: 2 });
    const report = await runDoctor(fakeProject(), fakeDoctorDeps(docker).deps, {
      publishedHost: "localhost",
    });
    expect(byId(report.checks, "container.jaeger")[0]!.finding).toBe(
      "jaeger is restarting (exit code 1, restarted 2 times)",
    );
  });

  it("names a container detached from gini-network, and restarts", async () => {
    const docker = new FakeDocker();
    runningStack(docker);
    docker.details.set("jaeger", { networks: [{ name: "bridge", aliases: [] }] });
    docker.details.set("otel-collector", { restartCount: 3 });
    const report = await runDoctor(fakeProject(), fakeDoctorDeps(docker).deps, {
      publishedHost: "localhost",
    });
    expect(byId(report.checks, "container.jaeger.network")[0]).toMatchObject({
      status: "fail",
      finding:
        'jaeger is not attached to gini-network, so the other services cannot reach it as "jaeger"',
    });
    expect(byId(report.checks, "container.otel-collector.restarts")[0]!.status).toBe("warn");
  });

  it("names the engine, its version, endpoint and where it was found", async () => {
    const docker = new FakeDocker();
    docker.engine = async () => ({
      name: "Podman",
      version: "4.3.1",
      endpoint: "unix:///run/podman/podman.sock",
      source: "Podman socket",
    });
    const report = await runDoctor(fakeProject(), fakeDoctorDeps(docker).deps, {
      publishedHost: "localhost",
    });
    expect(byId(report.checks, "engine")[0]).toMatchObject({
      status: "pass",
      finding: "Podman 4.3.1 reachable at unix:///run/podman/podman.sock (Podman socket)",
    });
  });

  it("fails first on an engine that does not answer", async () => {
    const docker = new FakeDocker();
    docker.ping = async () => {
      throw Object.assign(new Error("Docker engine not reachable at unix:///x.sock"), {
        hint: "start Docker",
      });
    };
    const report = await runDoctor(fakeProject(), fakeDoctorDeps(docker).deps, {
      publishedHost: "localhost",
    });
    expect(report.checks[0]).toMatchObject({
      group: "engine",
      status: "fail",
      fix: "start Docker",
    });
    expect(byId(report.checks, "containers")[0]!.status).toBe("skip");
  });

  it("reports config errors with file:line:column", async () => {
    const docker = new FakeDocker();
    runningStack(docker);
    const project = fakeProject();
    const { writeFileSync, readFileSync } = await import("node:fs");
    const path = project.stack["otel-collector"].config;
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace("endpoint: 0.0.0.0:4317", "endpoint: localhost:4317"),
    );
    const report = await runDoctor(project, fakeDoctorDeps(docker).deps, {
      publishedHost: "localhost",
    });
    const config = report.checks.find((c) => c.id === "config.localhost-bind")!;
    expect(config.status).toBe("fail");
    expect(config.finding).toMatch(
      /config-spm\.yaml:\d+:\d+: receiver "otlp" listens on localhost:4317/,
    );
  });
});

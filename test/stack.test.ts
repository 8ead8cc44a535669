import { createServer, type Server } from "node:net";
import { appendFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { containerId, containersLabelled, docker, inspect } from "./helpers/docker.js";
import { gini, spawnGini } from "./helpers/gini.js";
import { projectFixture } from "./helpers/project-fixture.js";

const SERVICES = ["otel-collector", "jaeger", "prometheus"];
const LABEL = "gini.project=gini-it";
const ids = () => Object.fromEntries(SERVICES.map((s) => [s, containerId(s)]));

describe("gini up / status / logs / down against a real Docker engine", () => {
  const dir = projectFixture({ name: "gini-it" });

  beforeAll(async () => {
    await gini(dir, ["down"]);
  });
  afterAll(async () => {
    await gini(dir, ["down"]);
  });

  it("brings the stack up from nothing, reports it, shows logs and takes it down", async () => {
    const upRun = await gini(dir, ["up", "--detach", "--no-apps"]);
    expect(upRun.stderr + upRun.stdout).not.toContain("error:");
    expect(upRun.code).toBe(0);
    expect(upRun.stdout).toContain("http://localhost:16686/monitor");
    expect(upRun.stdout).toContain("http://localhost:9090/");

    const st = await gini(dir, ["status", "--json"]);
    expect(st.code).toBe(0);
    const doc = JSON.parse(st.stdout);
    expect(doc.project).toBe("gini-it");
    expect(doc.network).toBe("gini-network");
    // --no-apps: the demo apps are listed, not started.
    expect(doc.apps.map((a: { name: string; state: string }) => [a.name, a.state])).toEqual([
      ["api", "stopped"],
      ["ui", "stopped"],
    ]);
    expect(doc.services.map((s: { name: string }) => s.name)).toEqual(SERVICES);
    for (const s of doc.services) {
      expect(s).toMatchObject({
        state: "running",
        health: "healthy",
        container: containerId(s.name),
      });
      for (const p of s.ports) expect(p.hostIp).toBe("127.0.0.1");
    }
    expect(doc.services[0].ports.map((p: { host: number }) => p.host)).toEqual([
      4317, 4318, 8888, 8889, 13133,
    ]);

    // Labels, read-only config mounts, the network alias and no privileges, as the contract says.
    for (const s of SERVICES) {
      const c = inspect(s);
      expect(c.Config.Labels).toMatchObject({ "gini.project": "gini-it", "gini.service": s });
      expect(c.Mounts.every((m: { RW: boolean }) => m.RW === false)).toBe(true);
      expect(c.HostConfig.Privileged).toBe(false);
      expect(c.NetworkSettings.Networks["gini-network"].Aliases).toContain(s);
    }
    expect(docker("network", "inspect", "-f", "{{json .Labels}}", "gini-network")).toContain(
      '"gini.project":"gini-it"',
    );

    const table = await gini(dir, ["status"]);
    expect(table.stdout).toMatch(
      /prometheus\s+running\s+healthy\s+127\.0\.0\.1:9090→9090\s+http:\/\/localhost:9090\//,
    );

    for (const s of SERVICES) {
      const l = await gini(dir, ["logs", s, "--tail", "50"]);
      expect(l.code).toBe(0);
      expect((l.stdout + l.stderr).trim().length).toBeGreaterThan(0);
    }
    const promLogs = await gini(dir, ["logs", "prometheus"]);
    expect(promLogs.stdout + promLogs.stderr).toContain("Server is ready to receive web requests");
    const both = await gini(dir, ["logs", "jaeger", "prometheus"]);
    expect(both.stdout).toMatch(/^\[prometheus\] .*Server is ready/m);
    expect(both.stdout).toMatch(/^\[jaeger\]/m);
    const unknown = await gini(dir, ["logs", "grafana"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown service or app "grafana"');
    expect(unknown.stderr).toContain("otel-collector, jaeger, prometheus");

    const downRun = await gini(dir, ["down"]);
    expect(downRun.code).toBe(0);
    expect(downRun.stdout).toContain("network gini-network removed");
    expect(containersLabelled(LABEL)).toEqual([]);
    expect(docker("network", "ls", "-q", "--filter", "name=^gini-network$")).toBe("");
  });

  it("is idempotent: a second up keeps the containers, a removed, stopped or changed one is fixed", async () => {
    expect((await gini(dir, ["up", "-d", "--no-apps"])).code).toBe(0);
    const first = ids();

    const again = await gini(dir, ["up", "-d", "--no-apps"]);
    expect(again.code).toBe(0);
    expect(ids()).toEqual(first);

    docker("rm", "-f", "jaeger");
    expect((await gini(dir, ["up", "-d", "--no-apps"])).code).toBe(0);
    const afterRemove = ids();
    expect(afterRemove.jaeger).not.toBe("");
    expect(afterRemove.jaeger).not.toBe(first.jaeger);
    expect(afterRemove.prometheus).toBe(first.prometheus);

    docker("stop", "-t", "1", "otel-collector");
    const restarted = await gini(dir, ["up", "-d", "--no-apps"]);
    expect(restarted.stderr).toContain("otel-collector started");
    expect(ids()["otel-collector"]).toBe(first["otel-collector"]);
    expect(inspect("otel-collector").State.Running).toBe(true);

    appendFileSync(join(dir, "prometheus.yml"), "\n# changed by the test\n");
    const changed = await gini(dir, ["up", "-d", "--no-apps"]);
    expect(changed.code).toBe(0);
    expect(changed.stderr).toContain("prometheus recreated");
    expect(ids().prometheus).not.toBe(first.prometheus);
    expect(ids()["otel-collector"]).toBe(first["otel-collector"]);
  });

  it("down twice: the second one says nothing is up", async () => {
    expect((await gini(dir, ["down"])).code).toBe(0);
    const second = await gini(dir, ["down"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Nothing to remove");
  });

  it("refuses a taken host port before creating anything", async () => {
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(9090, "127.0.0.1", r));
    try {
      const run = await gini(dir, ["up", "-d", "--no-apps"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^error: host port 9090 \(prometheus\) already in use on 127\.0\.0\.1$/m,
      );
      expect(run.stderr).toMatch(/^hint: /m);
      expect(containersLabelled(LABEL)).toEqual([]);
      expect(docker("network", "ls", "-q", "--filter", "name=^gini-network$")).toBe("");
    } finally {
      server.close();
    }
  });

  it("says so when Docker is not reachable", async () => {
    const run = await gini(dir, ["up", "-d"], { DOCKER_HOST: "unix:///tmp/gini-no-docker.sock" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Docker engine not reachable at unix:\/\/\/tmp\/gini-no-docker\.sock/m,
    );
    expect(run.stderr).toMatch(/^hint: start Docker/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("names a missing config file and creates nothing", async () => {
    const bare = projectFixture({ name: "gini-it" });
    rmSync(join(bare, "config-jaeger.yaml"));
    const run = await gini(bare, ["up", "-d"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("config-jaeger.yaml");
    expect(containersLabelled(LABEL)).toEqual([]);
  });

  it("reports an image that cannot be pulled, or may not be", async () => {
    const pulled = await gini(dir, ["up", "-d"], {
      GINI_JAEGER_IMAGE: "localhost:1/gini/missing:1.0",
    });
    expect(pulled.code).toBe(1);
    expect(pulled.stderr).toMatch(
      /^error: pulling localhost:1\/gini\/missing:1\.0 for jaeger failed/m,
    );
    const never = await gini(dir, ["up", "-d", "--pull", "never"], {
      GINI_JAEGER_IMAGE: "gini-test/missing:1.0",
    });
    expect(never.code).toBe(1);
    expect(never.stderr).toContain("--pull never");
    expect(containersLabelled(LABEL)).toEqual([]);
  });

  it("fails fast with the last log lines when a container exits, and the next up repairs it", async () => {
    // Prometheus's image handed Jaeger's arguments exits at once: a wrong image override.
    const broken = await gini(dir, ["up", "-d", "--no-apps"], {
      GINI_JAEGER_IMAGE: inject("images").prometheus,
    });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^error: jaeger did not get ready: its container is exited$/m);
    expect(broken.stderr).toMatch(/^ {2}\| .*unknown long flag '--config'/m);
    expect(broken.stderr).toMatch(/^hint: .*gini logs jaeger/m);
    const repaired = await gini(dir, ["up", "-d", "--no-apps"]);
    expect(repaired.code).toBe(0);
    expect(repaired.stderr).toContain("jaeger recreated");
  });

  it("times out a service that never answers its probe", async () => {
    // The Jaeger stand-in in Prometheus's place runs but never answers on :9090.
    const run = await gini(dir, ["up", "-d", "--no-apps", "--timeout", "3"], {
      GINI_PROMETHEUS_IMAGE: inject("images").jaeger,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: prometheus did not get ready within 3 s: GET http:\/\/127\.0\.0\.1:9090\/-\/ready → /m,
    );
  });

  it("treats Ctrl-C during up as a failure that the next down cleans up", async () => {
    await gini(dir, ["down"]);
    const child = spawnGini(dir, ["up", "-d", "--no-apps"], {
      GINI_PROMETHEUS_IMAGE: inject("images").jaeger,
    });
    let stderr = "";
    let sent = false;
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes("prometheus created") && !sent) sent = child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: interrupted while bringing the stack up$/m);
    expect(stderr).toMatch(/^hint: .*gini down/m);
    expect(containersLabelled(LABEL).length).toBe(3);
    const cleaned = await gini(dir, ["down"]);
    expect(cleaned.code).toBe(0);
    expect(containersLabelled(LABEL)).toEqual([]);
  });
});

// How gini finds the engine, with real `docker context create` entries in a docker config of the
// test's own (DOCKER_CONFIG): one context reaching the running engine through a second path to its
// socket, one pointing at a socket nothing listens on; DOCKER_HOST unset unless a test sets it.
import { execFileSync } from "node:child_process";
import { rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectFixture, tempFolder } from "../src/config/project.fake.js";
import { containersLabelled } from "./helpers/docker.js";
import { gini as giniIn, type Run } from "./helpers/gini.js";
import { DoctorDoc, StatusDoc } from "./helpers/json-docs.js";

describe("the engine found through Docker contexts, like the docker CLI finds it", () => {
  const dir = projectFixture({ name: "gini-context" });
  const config = tempFolder("gini-docker-config-");
  const sockets = tempFolder("gini-sockets-");
  const second = join(sockets, "docker.sock");
  const dead = join(sockets, "dead.sock");
  const dockerCli = (...args: string[]) =>
    execFileSync("docker", ["--config", config, ...args], { encoding: "utf8", stdio: "pipe" });
  // No DOCKER_HOST or DOCKER_CONTEXT from the machine: only what each test gives.
  const gini = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
    giniIn(dir, args, { DOCKER_CONFIG: config, DOCKER_HOST: "", DOCKER_CONTEXT: "", ...env });
  const status = async (args: string[] = [], env: Record<string, string> = {}) => {
    const run = await gini([...args, "status", "--json"], env);
    expect(run.code, run.stderr).toBe(0);
    return StatusDoc.parse(JSON.parse(run.stdout));
  };

  beforeAll(() => {
    symlinkSync("/var/run/docker.sock", second);
    dockerCli("context", "create", "gini-second", "--docker", `host=unix://${second}`);
    dockerCli("context", "create", "gini-dead", "--docker", `host=unix://${dead}`);
    dockerCli("context", "use", "gini-second");
  });
  afterAll(async () => {
    await gini(["down"]);
    rmSync(config, { recursive: true, force: true });
    rmSync(sockets, { recursive: true, force: true });
  });

  it("up, status, logs, doctor and down work through the current context, with no DOCKER_HOST", async () => {
    const up = await gini(["up", "--detach", "--no-apps"]);
    expect(up.code, up.stderr).toBe(0);
    const doc = await status();
    expect(doc.engine).toMatchObject({
      name: "Docker Engine",
      endpoint: `unix://${second}`,
      source: expect.stringContaining('current context "gini-second"') as string,
    });
    expect(doc.services.map((s) => s.state)).toEqual(["running", "running", "running"]);
    const text = await gini(["status"]);
    expect(text.stdout).toContain(`engine Docker Engine ${doc.engine.version} at unix://${second}`);
    const logs = await gini(["logs", "prometheus", "--tail", "20"]);
    expect(logs.code).toBe(0);
    expect(logs.stdout + logs.stderr).toContain("Server is ready to receive web requests");
    const doctor = DoctorDoc.parse(JSON.parse((await gini(["doctor", "--json"])).stdout));
    expect(doctor.checks.find((c) => c.id === "engine")?.finding).toContain(
      `at unix://${second} (current context "gini-second"`,
    );
    const down = await gini(["down"]);
    expect(down.code, down.stderr).toBe(0);
    expect(containersLabelled("gini.project=gini-context")).toEqual([]);
  });

  it("DOCKER_CONTEXT naming a context whose engine is gone fails naming the context and socket", async () => {
    const run = await gini(["status"], { DOCKER_CONTEXT: "gini-dead" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^error: Docker engine not reachable at unix://${dead} \\(context "gini-dead" from DOCKER_CONTEXT\\)`,
        "m",
      ),
    );
    expect(run.stderr).toMatch(/^hint: .*docker context use/m);
  });

  it("--context wins over the current context", async () => {
    const run = await gini(["--context", "gini-dead", "status"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`at unix://${dead} (context "gini-dead" from --context)`);
  });

  it("DOCKER_HOST wins over DOCKER_CONTEXT and the current context", async () => {
    const doc = await status([], {
      DOCKER_HOST: "unix:///var/run/docker.sock",
      DOCKER_CONTEXT: "gini-dead",
    });
    expect(doc.engine).toMatchObject({
      endpoint: "unix:///var/run/docker.sock",
      source: "DOCKER_HOST",
    });
  });

  it("a context that does not exist is an error naming it and where gini looked", async () => {
    const run = await gini(["--context", "nope", "status"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Docker context "nope" not found \(looked for .*meta\.json\)/m,
    );
    expect(run.stderr).toMatch(/^hint: /m);
  });
});

// A remote engine for real: a second dockerd on a test host of the test's own (a network
// namespace, test/helpers/remote-host.ts), reached over tcp:// and over ssh:// (a real sshd on that
// host). gini must probe, list and query the stack where its ports are published: on the remote
// host with `bind: 0.0.0.0`, or on this machine through the SSH tunnel it prints for the default
// bind, whose listening ports must not fail `up`'s port check.
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { gini, type Run } from "./helpers/gini.js";
import { DoctorDoc, RedDoc, StatusDoc, TracesDoc } from "./helpers/json-docs.js";
import { jsonRequest, newSpan } from "./helpers/otlp-client.js";
import { eventually } from "./helpers/poll.js";
import { type RemoteHost, startRemoteHost } from "./helpers/remote-host.js";
import { startSshd, type TestSshd } from "./helpers/sshd.js";
import { portOpen } from "./helpers/taken-port.js";

const parse = <T>(schema: { parse: (v: unknown) => T }, run: Run) => {
  expect(run.code, run.stderr).toBe(0);
  return schema.parse(JSON.parse(run.stdout));
};

/** Sends one server span over OTLP/HTTP to the collector at `host`; resolves with its trace id. */
async function sendSpan(host: string, service: string): Promise<string> {
  const span = newSpan(service, "GET /orders");
  const res = await fetch(`http://${host}:4318/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(jsonRequest(span)),
  });
  expect(res.status).toBe(200);
  return span.traceId;
}

/** Status, traces, RED and doctor all find the stack (and a span sent to it) from here. */
async function expectReachable(dir: string, env: Record<string, string>, otlpHost: string) {
  const service = `remote-${Math.random().toString(36).slice(2, 8)}`;
  const status = parse(StatusDoc, await gini(dir, ["status", "--json"], env));
  expect(status.services.map((s) => s.health)).toEqual(["healthy", "healthy", "healthy"]);
  const traceId = await sendSpan(otlpHost, service);
  const traces = await eventually(
    () => gini(dir, ["traces", "--service", service, "--json"], env),
    (r) => r.code === 0 && r.stdout.includes(traceId),
    30_000,
    500,
  );
  expect(parse(TracesDoc, traces).traces.map((t) => t.traceId)).toEqual([traceId]);
  const red = await eventually(
    () => gini(dir, ["red", "--service", service, "--json"], env),
    (r) => r.code === 0 && RedDoc.parse(JSON.parse(r.stdout)).services.length > 0,
    30_000,
    500,
  );
  expect(parse(RedDoc, red).services.map((s) => s.name)).toEqual([service]);
  const doctor = parse(DoctorDoc, await gini(dir, ["doctor", "--json"], env));
  expect(doctor.checks.filter((c) => c.status === "fail")).toEqual([]);
}

describe("a remote engine on a test host: up, status, traces, red, doctor and down", () => {
  let host: RemoteHost;
  let sshd: TestSshd;
  const tunnels: ChildProcess[] = [];
  beforeAll(async () => {
    const { collector, jaeger, prometheus } = inject("images");
    host = await startRemoteHost([collector, jaeger, prometheus]);
    sshd = await startSshd({
      address: host.address,
      port: 22,
      netns: host.netns,
      setEnv: { DOCKER_HOST: `unix://${host.socket}` },
    });
    writeFileSync(sshd.knownHosts, `${host.address} ${sshd.hostKey}\n`);
  }, 180_000);
  afterAll(async () => {
    for (const tunnel of tunnels) tunnel.kill();
    sshd?.stop();
    await host?.stop();
  }, 60_000);

  /** What the test host's engine holds of gini's: containers and networks. */
  const leftOnHost = async () =>
    (await host.docker("ps", "-aq", "--filter", "label=gini.project")) +
    (await host.docker("network", "ls", "-q", "--filter", "label=gini.project"));

  it("over tcp:// with bind 0.0.0.0: everything reaches the stack on the remote host", async () => {
    const dir = projectFixture({ name: "gini-remote", files: { "gini.yaml": "bind: 0.0.0.0\n" } });
    const env = { DOCKER_HOST: host.tcpEndpoint, DOCKER_CONTEXT: "" };
    onTestFinished(async () => void (await gini(dir, ["down"], env)));
    const up = await gini(dir, ["up", "--detach", "--no-apps", "--timeout", "60"], env);
    expect(up.code, up.stderr + up.stdout).toBe(0);
    expect(up.stderr).toContain(
      `the engine ${host.tcpEndpoint} is remote: the stack's ports are on ${host.address}`,
    );
    expect(up.stdout).toContain(`Jaeger UI    http://${host.address}:16686/`);
    await expectReachable(dir, env, host.address);
    expect(await gini(dir, ["down"], env)).toMatchObject({ code: 0 });
    expect(await leftOnHost()).toBe("");
  }, 240_000);

  it("over ssh:// with the default bind: through the SSH tunnel gini prints", async () => {
    const dir = projectFixture({ name: "gini-remote-ssh" });
    const env = { DOCKER_HOST: `ssh://root@${host.address}`, DOCKER_CONTEXT: "", ...sshd.env };
    const before = await gini(dir, ["status"], env);
    const printed = before.stderr.split("\n").find((l) => l.trim().startsWith("ssh -N "));
    expect(printed, before.stderr).toBeDefined();
    const words = printed!.trim().split(" ");
    expect(words.at(-1)).toBe(`root@${host.address}`);
    // The printed command as a user runs it, with the login a user's ~/.ssh would give.
    const login = ["-i", sshd.identity, "-o", `UserKnownHostsFile=${sshd.knownHosts}`];
    const options = ["-o", "BatchMode=yes", "-o", "ExitOnForwardFailure=yes", ...login];
    const tunnel = spawn("ssh", [...options, ...words.slice(1)], { stdio: "ignore" });
    tunnels.push(tunnel);
    expect(await eventually(() => portOpen("127.0.0.1", 16686), Boolean, 15_000, 200)).toBe(true);

    // The tunnel holds the stack's ports here: `up` must not take them for the engine's.
    onTestFinished(async () => void (await gini(dir, ["down"], env)));
    const up = await gini(dir, ["up", "--detach", "--no-apps", "--timeout", "60"], env);
    expect(up.code, up.stderr + up.stdout).toBe(0);
    expect(up.stdout).toContain("Jaeger UI    http://localhost:16686/");
    await expectReachable(dir, env, "127.0.0.1");
    expect(await gini(dir, ["down"], env)).toMatchObject({ code: 0 });
    expect(await leftOnHost()).toBe("");
  }, 240_000);
});

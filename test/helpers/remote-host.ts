// Test helper, not the product: a second machine for remote-engine tests, made of a network
// namespace of the test's own (joined to this one by a veth pair) running a second dockerd, with
// its own data-root, exec-root and socket, listening on tcp:// at the namespace's address. The test
// images are copied into it with `docker save | docker load`: like a remote host, it has no
// registry either.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { promisify } from "node:util";

import { eventually } from "./poll.js";

const run = promisify(execFile);

/** The namespace, and the addresses of this machine's and the test host's ends of the veth pair. */
const NETNS = "gini-remote";
const HOST_END = { name: "gini-rh", address: "10.231.0.1/24" };
const REMOTE_END = { name: "gini-rr", address: "10.231.0.2/24" };
/** Short and fixed: unix socket paths are limited to 108 bytes, and a stale run is found here. */
const DIR = "/tmp/gini-remote-engine";
const SOCKET = `${DIR}/docker.sock`;

/** The test host: where its engine answers and how to talk to that engine directly. */
export interface RemoteHost {
  /** The test host's address, which only this machine can reach. */
  address: string;
  /** Its network namespace (for a server the test runs there too, e.g. sshd). */
  netns: string;
  /** Its engine over plain TCP, as DOCKER_HOST takes it. */
  tcpEndpoint: string;
  /** Its engine's unix socket, as seen from the test host (and this machine). */
  socket: string;
  /** `docker` against the test host's engine. */
  docker: (...args: string[]) => Promise<string>;
  stop: () => Promise<void>;
}

const ip = (...args: string[]) => run("ip", args);
const quietly = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    () => undefined,
  );

/** Removes what an earlier run left: its engine, namespace, veth and folder. */
async function removeStale(): Promise<void> {
  try {
    process.kill(Number(readFileSync(`${DIR}/docker.pid`, "utf8")), "SIGKILL");
  } catch {
    // no earlier engine
  }
  await quietly(ip("netns", "del", NETNS));
  await quietly(ip("link", "del", HOST_END.name));
  await quietly(run("umount", ["-R", `${DIR}/data`]));
  rmSync(DIR, { recursive: true, force: true });
}

/** Makes the namespace and starts its engine with `images` loaded; resolves once it answers. */
export async function startRemoteHost(images: string[]): Promise<RemoteHost> {
  await removeStale();
  mkdirSync(DIR, { recursive: true });
  await ip("netns", "add", NETNS);
  await ip("link", "add", HOST_END.name, "type", "veth", "peer", "name", REMOTE_END.name);
  await ip("link", "set", REMOTE_END.name, "netns", NETNS);
  await ip("addr", "add", HOST_END.address, "dev", HOST_END.name);
  await ip("link", "set", HOST_END.name, "up");
  await ip("-n", NETNS, "addr", "add", REMOTE_END.address, "dev", REMOTE_END.name);
  await ip("-n", NETNS, "link", "set", REMOTE_END.name, "up");
  await ip("-n", NETNS, "link", "set", "lo", "up");
  const address = REMOTE_END.address.split("/")[0]!;
  const tcpEndpoint = `tcp://${address}:2375`;
  // nsenter, not `ip netns exec`: that one mounts a fresh /sys, hiding the cgroups dockerd needs.
  const dockerd: ChildProcess = spawn(
    "nsenter",
    [
      `--net=/var/run/netns/${NETNS}`,
      "dockerd",
      ...["--data-root", `${DIR}/data`, "--exec-root", `${DIR}/exec`],
      ...["--pidfile", `${DIR}/docker.pid`, "-H", `unix://${SOCKET}`, "-H", tcpEndpoint],
      // Plain TCP on purpose (a test host no one else reaches): no 15 s warning pause.
      "--tls=false",
    ],
    { stdio: "ignore" },
  );
  const docker = async (...args: string[]) =>
    (await run("docker", ["-H", `unix://${SOCKET}`, ...args], { maxBuffer: 1 << 24 })).stdout;
  const answers = await eventually(
    () => docker("version", "--format", "{{.Server.Version}}").then(Boolean, () => false),
    Boolean,
    60_000,
    250,
  );
  const stop = async () => {
    dockerd.kill("SIGTERM");
    await eventually(() => Promise.resolve(dockerd.exitCode !== null), Boolean, 20_000, 100);
    await removeStale();
  };
  if (!answers) {
    await stop();
    throw new Error("the test host's dockerd did not answer within 60 s");
  }
  await run("sh", ["-c", `docker save ${images.join(" ")} | docker -H unix://${SOCKET} load -q`]);
  return { address, netns: NETNS, tcpEndpoint, socket: SOCKET, docker, stop };
}

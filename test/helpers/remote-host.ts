// Test helper, not the product: a second machine for remote-engine tests, made of a network
// namespace of the test's own (joined to this one by a veth pair) running a second dockerd, with
// its own data-root, exec-root and socket, listening on tcp:// at the namespace's address. The test
// images are copied into it with `docker save | docker load`: like a remote host, it has no
// registry either.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";

import { copyImages, docker as hostDocker } from "../setup/images.js";
import {
  alive,
  createNetns,
  inNetns,
  nsAddress,
  quietly,
  removeNetns,
  testNetns,
  unmountUnder,
} from "./netns.js";
import { eventually } from "./poll.js";

const NETNS = testNetns("gini-remote", "gini-r", 0);
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

const remoteDocker = (...args: string[]) => hostDocker("-H", `unix://${SOCKET}`, ...args);

/**
 * Removes what a run left, this one's or an earlier, failed one's: its containers, its engine
 * (asked to stop, killed after 20 s), the mounts under its folder, the namespace, veth and folder.
 */
async function removeLeftovers(): Promise<void> {
  const ids = await remoteDocker("ps", "-aq").catch(() => "");
  if (ids) await quietly(remoteDocker("rm", "-f", "-v", ...ids.split("\n")));
  let pid = 0;
  try {
    pid = Number(readFileSync(`${DIR}/docker.pid`, "utf8").trim());
  } catch {
    // no engine started there
  }
  if (pid && alive(pid)) {
    process.kill(pid, "SIGTERM");
    if (!(await eventually(() => Promise.resolve(!alive(pid)), Boolean, 20_000, 100)))
      process.kill(pid, "SIGKILL");
  }
  await unmountUnder(DIR);
  await removeNetns(NETNS);
  rmSync(DIR, { recursive: true, force: true });
}

/** Makes the namespace and starts its engine with `images` loaded; resolves once it answers. */
export async function startRemoteHost(images: string[]): Promise<RemoteHost> {
  await removeLeftovers();
  await mkdir(DIR, { recursive: true });
  try {
    return await start(images);
  } catch (err) {
    await removeLeftovers();
    throw err;
  }
}

async function start(images: string[]): Promise<RemoteHost> {
  await createNetns(NETNS);
  const address = nsAddress(NETNS);
  const tcpEndpoint = `tcp://${address}:2375`;
  const dockerd: ChildProcess = spawn(
    ...inNetns(NETNS, "dockerd", [
      ...["--data-root", `${DIR}/data`, "--exec-root", `${DIR}/exec`],
      ...["--pidfile", `${DIR}/docker.pid`, "-H", `unix://${SOCKET}`, "-H", tcpEndpoint],
      // Plain TCP on purpose (a test host no one else reaches): no 15 s warning pause.
      "--tls=false",
    ]),
    { stdio: "ignore" },
  );
  const answers = await eventually(
    () => remoteDocker("version", "--format", "{{.Server.Version}}").then(Boolean, () => false),
    (ok) => ok || dockerd.exitCode !== null,
    60_000,
    250,
  );
  if (!answers) throw new Error("the test host's dockerd did not answer within 60 s");
  await copyImages(images, ["docker", "-H", `unix://${SOCKET}`, "load", "-q"]);
  return {
    address,
    netns: NETNS.name,
    tcpEndpoint,
    socket: SOCKET,
    docker: remoteDocker,
    stop: removeLeftovers,
  };
}

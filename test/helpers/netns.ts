// Test helper, not the product: a test host of the test's own, as a network namespace joined to
// this machine by a veth pair. Servers started in it with `inNetns` listen on its address, which
// only this machine reaches; nothing in it has a route anywhere else.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A namespace, and the veth pair's two ends: this machine's and the test host's. */
export interface TestNetns {
  name: string;
  hostEnd: { name: string; address: string };
  nsEnd: { name: string; address: string };
}

/**
 * The namespace `name` and its veth pair (`<short>h` here, `<short>n` there) on a /24 of its own,
 * 10.231.<subnet>.0: .1 is this machine's end, .2 the test host's.
 */
export function testNetns(name: string, short: string, subnet: number): TestNetns {
  const end = (suffix: string, host: number) => ({
    name: `${short}${suffix}`,
    address: `10.231.${subnet}.${host}/24`,
  });
  return { name, hostEnd: end("h", 1), nsEnd: end("n", 2) };
}

const ip = (...args: string[]) => run("ip", args);

/** Runs `p`, ignoring its failure (for removing what may not be there). */
export const quietly = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    () => undefined,
  );

/** The test host's address, without its prefix length. */
export const nsAddress = (ns: TestNetns) => ns.nsEnd.address.split("/")[0]!;

/** The command line that runs `program` inside the namespace. */
export function inNetns(ns: TestNetns, program: string, args: string[]): [string, string[]] {
  // nsenter, not `ip netns exec`: that one mounts a fresh /sys, hiding the cgroups servers need.
  return ["nsenter", [`--net=/var/run/netns/${ns.name}`, program, ...args]];
}

export async function createNetns(ns: TestNetns): Promise<void> {
  await ip("netns", "add", ns.name);
  await ip("link", "add", ns.hostEnd.name, "type", "veth", "peer", "name", ns.nsEnd.name);
  await ip("link", "set", ns.nsEnd.name, "netns", ns.name);
  await ip("addr", "add", ns.hostEnd.address, "dev", ns.hostEnd.name);
  await ip("link", "set", ns.hostEnd.name, "up");
  await ip("-n", ns.name, "addr", "add", ns.nsEnd.address, "dev", ns.nsEnd.name);
  await ip("-n", ns.name, "link", "set", ns.nsEnd.name, "up");
  await ip("-n", ns.name, "link", "set", "lo", "up");
}

/** Removes the namespace and the veth pair, whether or not they exist. */
export async function removeNetns(ns: TestNetns): Promise<void> {
  await quietly(ip("netns", "del", ns.name));
  await quietly(ip("link", "del", ns.hostEnd.name));
}

/** Unmounts whatever is mounted under `dir` (deepest first), e.g. what servers left there. */
export async function unmountUnder(dir: string): Promise<void> {
  const mounts = readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1] ?? "")
    .filter((path) => path.startsWith(`${dir}/`));
  for (const path of mounts.reverse()) await quietly(run("umount", ["-l", path]));
}

/** Whether the process exists (signal 0 only asks). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

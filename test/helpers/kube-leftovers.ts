// Test helper, not the product: what the test cluster (kube-cluster.ts) changes on this machine
// beyond its folder, and how it is all undone, this run's or an earlier, failed one's.
import {
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

import { alive, removeNetns, type TestNetns, unmountUnder } from "./netns.js";
import { eventually } from "./poll.js";

/**
 * The kernel settings the kubelet sets machine-wide at start (pkg/kubelet/cm's
 * setupKernelTunables: e.g. kernel.panic_on_oops=1); saved before it starts, restored after.
 */
const KUBELET_SYSCTLS = [
  "vm/overcommit_memory",
  "vm/panic_on_oom",
  "kernel/panic",
  "kernel/panic_on_oops",
  "kernel/keys/root_maxkeys",
  "kernel/keys/root_maxbytes",
];
const savedSysctls = (dir: string) => join(dir, "sysctls.json");

/** Keeps the kernel settings the kubelet will change, for `removeLeftovers` to restore. */
export function saveSysctls(dir: string): void {
  const values = KUBELET_SYSCTLS.map((s) => [s, readFileSync(`/proc/sys/${s}`, "utf8").trim()]);
  writeFileSync(savedSysctls(dir), JSON.stringify(Object.fromEntries(values)));
}

/**
 * Kills every process of the namespace (the cluster's programs, containerd's shims) and their
 * descendants (the pods' processes, which live in namespaces of their own), until none is left;
 * then restores the kernel settings, removes the mounts under `dir` (pods' volumes and network
 * namespaces, containerd's snapshots), the namespace and `dir`.
 */
export async function removeLeftovers(dir: string, netns: TestNetns): Promise<void> {
  const gone = await eventually(
    () => Promise.resolve(killAll(netns)),
    (killed) => killed === 0,
    20_000,
    200,
  );
  if (gone !== 0) throw new Error(`${gone} processes of the test cluster outlived SIGKILL`);
  if (existsSync(savedSysctls(dir))) {
    const saved = JSON.parse(readFileSync(savedSysctls(dir), "utf8")) as Record<string, string>;
    for (const [name, value] of Object.entries(saved)) writeFileSync(`/proc/sys/${name}`, value);
  }
  await unmountUnder(dir);
  await removeNetns(netns);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Sends SIGKILL to the namespace's processes and their descendants; returns how many were
 * still running (a zombie has ended: only its parent's wait is missing).
 */
function killAll(netns: TestNetns): number {
  let inode: string;
  try {
    inode = `net:[${statSync(`/var/run/netns/${netns.name}`).ino}]`;
  } catch {
    return 0; // no namespace: nothing was started in it
  }
  const processes = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => ({ pid: Number(pid), net: netOf(pid), ...statOf(pid) }));
  const doomed = new Set(processes.filter((p) => p.net === inode).map((p) => p.pid));
  // Descendants: repeat until the set stops growing (a child may be listed before its parent).
  for (let size = 0; size !== doomed.size;) {
    size = doomed.size;
    for (const p of processes) if (doomed.has(p.parent)) doomed.add(p.pid);
  }
  const running = processes.filter(
    (p) => doomed.has(p.pid) && p.pid !== process.pid && p.state !== "Z" && alive(p.pid),
  );
  for (const p of running) process.kill(p.pid, "SIGKILL");
  return running.length;
}

function netOf(pid: string): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return undefined;
  }
}

/** A process's state letter and parent, from /proc/PID/stat. */
function statOf(pid: string): { state: string; parent: number } {
  try {
    // After the command's name, which may hold spaces and parentheses: state, then parent.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state = "", parent = "0"] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state, parent: Number(parent) };
  } catch {
    return { state: "", parent: 0 };
  }
}

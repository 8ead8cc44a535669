// Test helper, not the product: a real one-node Kubernetes cluster for a test, on a test host of
// its own (a network namespace, netns.ts): etcd, kube-apiserver, kube-controller-manager and
// kube-scheduler; containerd with its CRI plugin and a CNI bridge, the kubelet and kube-proxy;
// CoreDNS for the Services' names. The programs come from test/setup/kube.ts, the images from
// this machine's engine (no registry): pods run the test images, as they do on Docker.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync } from "node:fs";
import { join } from "node:path";

import { copyImages } from "../setup/images.js";
import type { KubeTools } from "../setup/kube.js";
import { removeLeftovers, saveSysctls } from "./kube-leftovers.js";
import {
  containerdSocket,
  kubeconfigOf,
  NODE_NAME,
  type NodeLayout,
  writeNodeFiles,
} from "./kube-node-files.js";
import { basePrograms, clientPrograms, kubelet, type Program } from "./kube-programs.js";
import { createNetns, inNetns, nsAddress, testNetns } from "./netns.js";
import { eventually } from "./poll.js";
import { type Finished, runProgram } from "./test-network.js";

const NETNS = testNetns("gini-kube", "gini-k", 2);
/** Fixed and short: a failed run's leftovers are found by the next one; socket paths fit. */
const DIR = "/tmp/gini-kube";
/** How long the whole start may take; the test's set-up hook allows more. */
export const START_WITHIN_MS = 240_000;

/** A running cluster, and kubectl pointed at it. */
export interface Cluster {
  /** Runs kubectl against it; resolves with its exit code and output (never rejects). */
  kubectl: (...args: string[]) => Promise<Finished>;
  /** Starts kubectl as a process of its own (port-forward); killed by `stop`. */
  spawnKubectl: (...args: string[]) => ChildProcess;
  /** Stops everything and removes what it made: processes, pods, mounts, namespace, folder. */
  stop: () => Promise<void>;
}

/** Starts the cluster with `images` (`pauseImage` among them) in its runtime, once it works. */
export async function startCluster(
  tools: KubeTools,
  images: string[],
  pauseImage: string,
): Promise<Cluster> {
  await removeLeftovers(DIR, NETNS);
  const started: ChildProcess[] = [];
  try {
    return await start(tools, images, pauseImage, started);
  } catch (err) {
    await stopAll(started);
    throw err;
  }
}

async function start(
  tools: KubeTools,
  images: string[],
  pauseImage: string,
  started: ChildProcess[],
): Promise<Cluster> {
  const address = nsAddress(NETNS);
  const token = randomBytes(16).toString("hex");
  const node: NodeLayout = { dir: DIR, address, pauseImage, token };
  writeNodeFiles(node);
  await createNetns(NETNS);
  const running = new Map<string, ChildProcess>();
  const run = ({ name, path, args }: Program) => {
    const child = spawn(...inNetns(NETNS, path, args), { stdio: ["ignore", "pipe", "pipe"] });
    const log = createWriteStream(join(DIR, "logs", `${name}.log`));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    started.push(child);
    running.set(name, child);
  };
  // One deadline for the whole start, well inside the test's hook timeout.
  const deadline = Date.now() + START_WITHIN_MS;
  /** Waits until `ok`; gives up at once when the program waited for has exited. */
  const waitFor = async (name: string, what: string, ok: () => Promise<boolean>) => {
    const child = running.get(name)!;
    const exited = () => (child.exitCode ?? child.signalCode) !== null;
    await eventually(async () => (await ok()) || exited(), Boolean, deadline - Date.now(), 500);
    if (await ok()) return;
    const why = exited()
      ? `exited (${child.exitCode ?? child.signalCode})`
      : `${what} within ${START_WITHIN_MS / 1000} s of the cluster's start`;
    throw new Error(`${name} ${why}; its log ends:\n  ${tail(name)}`);
  };
  const kubectl = (...args: string[]) =>
    runProgram(tools.kubectl, [
      "--kubeconfig",
      kubeconfigOf(node),
      "--request-timeout=10s",
      ...args,
    ]);
  const answers = (url: string) =>
    fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );

  basePrograms(tools, node).forEach(run);
  await waitFor("kube-apiserver", "did not get ready", async () => {
    return (await kubectl("get", "--raw", "/readyz")).stdout.trim() === "ok";
  });
  clientPrograms(tools, node).forEach(run);
  const socket = containerdSocket(node);
  await waitFor("containerd", "did not answer", async () => {
    return (await runProgram("ctr", ["-a", socket, "--timeout", "5s", "version"])).code === 0;
  });
  await copyImages(images, ["ctr", "-a", socket, "-n", "k8s.io", "images", "import", "-"]);
  saveSysctls(DIR);
  run(kubelet(tools, node));
  await waitFor("kube-proxy", "did not get healthy", () =>
    answers(`http://${address}:10256/healthz`),
  );
  await waitFor("coredns", "did not get ready", () => answers(`http://${address}:8181/ready`));
  const nodeReady = "jsonpath={.status.conditions[?(@.type=='Ready')].status}";
  await waitFor("kubelet", `did not make node ${NODE_NAME} Ready`, async () => {
    return (await kubectl("get", "node", NODE_NAME, "-o", nodeReady)).stdout === "True";
  });

  const spawnKubectl = (...args: string[]) => {
    const child = spawn(tools.kubectl, ["--kubeconfig", kubeconfigOf(node), ...args]);
    started.push(child);
    return child;
  };
  return { kubectl, spawnKubectl, stop: () => stopAll(started) };
}

/** The last lines of a program's log, for an error message. */
function tail(name: string): string {
  try {
    const log = readFileSync(join(DIR, "logs", `${name}.log`), "utf8");
    return log.trim().split("\n").slice(-3).join("\n  ");
  } catch {
    return "(no log)";
  }
}

/** SIGTERM to each, SIGKILL to what is left after 5 s; then the leftovers go. */
async function stopAll(started: ChildProcess[]): Promise<void> {
  const running = started.filter((c) => c.exitCode === null && c.signalCode === null);
  const exits = running.map((child) => new Promise((exited) => child.once("exit", exited)));
  running.forEach((child) => child.kill());
  const patience = new Promise((elapsed) => setTimeout(elapsed, 5000));
  await Promise.race([Promise.all(exits), patience]);
  running.forEach((child) => child.kill("SIGKILL"));
  await Promise.all(exits);
  await removeLeftovers(DIR, NETNS);
}

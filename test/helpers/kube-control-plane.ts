// Test helper, not the product: a real Kubernetes API server for a test, on loopback, with etcd as
// its store (both built by test/setup/kube.ts). No kubelet runs, so no pod starts: what it checks is
// what the API checks on `kubectl apply --dry-run=server`, admission included (Pod Security).
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { tempFolder } from "../../src/config/project.fake.js";
import type { KubeTools } from "../setup/kube.js";
import { eventually } from "./poll.js";
import { type Finished, runProgram } from "./test-network.js";

/** Loopback ports of the test's own, away from gini's and the usual Kubernetes ones. */
const ETCD_CLIENT = 23790;
const ETCD_PEER = 23800;
const API_PORT = 16443;

/** A running API server, and kubectl pointed at it. */
export interface ControlPlane {
  /** Runs kubectl against it; resolves with its exit code and output (never rejects). */
  kubectl: (...args: string[]) => Promise<Finished>;
  /** Stops both and waits until they exited. */
  stop: () => Promise<void>;
}

/** Starts etcd and kube-apiserver; resolves once the API server reports ready. */
export async function startControlPlane(tools: KubeTools): Promise<ControlPlane> {
  const dir = tempFolder("gini-kube-");
  const token = randomBytes(16).toString("hex");
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  writeFileSync(join(dir, "sa.pub"), publicKey.export({ type: "spki", format: "pem" }));
  writeFileSync(join(dir, "sa.key"), privateKey.export({ type: "pkcs8", format: "pem" }));
  writeFileSync(join(dir, "tokens.csv"), `${token},gini-test,gini-test,system:masters\n`);
  mkdirSync(join(dir, "pki"));
  const kubeconfig = join(dir, "kubeconfig");
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        {
          name: "test",
          // The API server's serving certificate is self-signed, made by itself at start.
          cluster: { server: `https://127.0.0.1:${API_PORT}`, "insecure-skip-tls-verify": true },
        },
      ],
      users: [{ name: "test", user: { token } }],
      contexts: [{ name: "test", context: { cluster: "test", user: "test" } }],
      "current-context": "test",
    }),
  );
  const logs = join(dir, "logs");
  mkdirSync(logs);
  const started: ChildProcess[] = [];
  const start = (name: string, program: string, args: string[]) => {
    const child = spawn(program, args, { stdio: ["ignore", "pipe", "pipe"] });
    const log = createWriteStream(join(logs, `${name}.log`));
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    started.push(child);
  };
  start("etcd", tools.etcd, [
    ...["--data-dir", join(dir, "etcd"), "--name", "test"],
    ...["--listen-client-urls", `http://127.0.0.1:${ETCD_CLIENT}`],
    ...["--advertise-client-urls", `http://127.0.0.1:${ETCD_CLIENT}`],
    ...["--listen-peer-urls", `http://127.0.0.1:${ETCD_PEER}`],
    ...["--initial-advertise-peer-urls", `http://127.0.0.1:${ETCD_PEER}`],
    ...["--initial-cluster", `test=http://127.0.0.1:${ETCD_PEER}`],
  ]);
  start("kube-apiserver", tools.kubeApiserver, [
    `--etcd-servers=http://127.0.0.1:${ETCD_CLIENT}`,
    "--bind-address=127.0.0.1",
    `--secure-port=${API_PORT}`,
    `--cert-dir=${join(dir, "pki")}`,
    `--token-auth-file=${join(dir, "tokens.csv")}`,
    "--authorization-mode=RBAC",
    "--service-account-issuer=https://kubernetes.default.svc",
    `--service-account-key-file=${join(dir, "sa.pub")}`,
    `--service-account-signing-key-file=${join(dir, "sa.key")}`,
    "--service-cluster-ip-range=10.96.0.0/16",
  ]);
  const stop = async () => {
    const exits = started.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise((exited) => child.once("exit", exited)),
    );
    started.forEach((child) => child.kill());
    // The API server's graceful shutdown can outlast a test's patience: 5 s, then SIGKILL.
    const patience = new Promise((elapsed) => setTimeout(elapsed, 5000));
    await Promise.race([Promise.all(exits), patience]);
    started.forEach((child) => child.kill("SIGKILL"));
    await Promise.all(exits);
  };
  /** The last lines of a server's log, for an error message (the folder goes with the test). */
  const tail = (name: string) =>
    readFileSync(join(logs, `${name}.log`), "utf8")
      .trim()
      .split("\n")
      .slice(-3)
      .join("\n  ");
  const kubectl = (...args: string[]) =>
    runProgram(tools.kubectl, ["--kubeconfig", kubeconfig, "--request-timeout=10s", ...args]);
  const ready = await eventually(
    () => kubectl("get", "--raw", "/readyz"),
    (r) => r.stdout.trim() === "ok",
    90_000,
    500,
  );
  if (ready.stdout.trim() !== "ok") {
    await stop();
    throw new Error(
      [
        `kube-apiserver did not get ready within 90 s: ${ready.stderr.trim()}`,
        `kube-apiserver:\n  ${tail("kube-apiserver")}`,
        `etcd:\n  ${tail("etcd")}`,
      ].join("\n"),
    );
  }
  return { kubectl, stop };
}

// Test helper, not the product: how each program of the one-node test cluster is run (paths from
// test/setup/kube.ts, files from kube-node-files.ts), in the order kube-cluster.ts starts them.
import { join } from "node:path";

import type { KubeTools } from "../setup/kube.js";
import {
  API_PORT,
  kubeconfigOf,
  NODE_NAME,
  type NodeLayout,
  POD_CIDR,
  SERVICE_CIDR,
} from "./kube-node-files.js";

/** One program of the cluster: its name (and log file's), path and arguments. */
export interface Program {
  name: string;
  path: string;
  args: string[];
}

/** The store, the API server and the container runtime: they need nothing else running. */
export function basePrograms(tools: KubeTools, node: NodeLayout): Program[] {
  const { dir, address } = node;
  return [
    { name: "etcd", path: tools.etcd, args: ["--data-dir", join(dir, "etcd")] },
    {
      name: "kube-apiserver",
      path: tools["kube-apiserver"],
      args: [
        "--etcd-servers=http://127.0.0.1:2379",
        `--bind-address=${address}`,
        `--advertise-address=${address}`,
        `--secure-port=${API_PORT}`,
        `--cert-dir=${join(dir, "pki")}`,
        `--token-auth-file=${join(dir, "tokens.csv")}`,
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc",
        `--service-account-key-file=${join(dir, "sa.pub")}`,
        `--service-account-signing-key-file=${join(dir, "sa.key")}`,
        `--service-cluster-ip-range=${SERVICE_CIDR}`,
        // The node by its address: its name resolves nowhere, and no lookup may leave the host.
        "--kubelet-preferred-address-types=InternalIP",
      ],
    },
    { name: "containerd", path: "containerd", args: ["--config", join(dir, "containerd.toml")] },
  ];
}

/** The controllers, the scheduler, the cluster's DNS and kube-proxy: API server clients. */
export function clientPrograms(tools: KubeTools, node: NodeLayout): Program[] {
  const { dir, address } = node;
  const client = [`--kubeconfig=${kubeconfigOf(node)}`];
  const delegated = [
    `--authentication-kubeconfig=${kubeconfigOf(node)}`,
    `--authorization-kubeconfig=${kubeconfigOf(node)}`,
  ];
  return [
    {
      name: "kube-controller-manager",
      path: tools["kube-controller-manager"],
      args: [
        ...client,
        ...delegated,
        "--bind-address=127.0.0.1",
        `--service-account-private-key-file=${join(dir, "sa.key")}`,
        // The API server's self-signed serving certificate, made by it at start.
        `--root-ca-file=${join(dir, "pki/apiserver.crt")}`,
      ],
    },
    {
      name: "kube-scheduler",
      path: tools["kube-scheduler"],
      args: [...client, ...delegated, "--bind-address=127.0.0.1"],
    },
    { name: "coredns", path: tools.coredns, args: ["-conf", join(dir, "Corefile")] },
    {
      name: "kube-proxy",
      path: tools["kube-proxy"],
      args: [
        ...client,
        `--hostname-override=${NODE_NAME}`,
        "--proxy-mode=iptables",
        `--cluster-cidr=${POD_CIDR}`,
        // Pod to Service to a pod on the same bridge: the reply must come back through the node.
        "--masquerade-all",
        `--healthz-bind-address=${address}:10256`,
        "--metrics-bind-address=127.0.0.1:10249",
        // This machine's conntrack table is not the test's to size.
        "--conntrack-max-per-core=0",
      ],
    },
  ];
}

/** The kubelet, started once its images are in the runtime. */
export function kubelet(tools: KubeTools, node: NodeLayout): Program {
  return {
    name: "kubelet",
    path: tools.kubelet,
    args: [
      `--config=${join(node.dir, "kubelet.json")}`,
      `--kubeconfig=${kubeconfigOf(node)}`,
      `--root-dir=${join(node.dir, "kubelet")}`,
      `--hostname-override=${NODE_NAME}`,
      `--node-ip=${node.address}`,
    ],
  };
}

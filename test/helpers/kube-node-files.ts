// Test helper, not the product: the configuration files of the one-node test cluster
// (kube-cluster.ts starts it). Everything listens on the test host's address or its loopback,
// inside the test's own network namespace; the pods' network is a CNI bridge there.
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The cluster's addresses and where its files go. */
export interface NodeLayout {
  /** The folder for configs, state and logs (short: unix socket paths are limited). */
  dir: string;
  /** The node's address: the API server, the kubelet and the cluster's DNS listen on it. */
  address: string;
  /** The pause image: what holds each pod's namespaces. */
  pauseImage: string;
  /** The admin's bearer token (the API server's token file). */
  token: string;
}

/** The node's name, as `kubectl get nodes` shows it. */
export const NODE_NAME = "gini-node";
export const POD_CIDR = "10.244.0.0/24";
export const SERVICE_CIDR = "10.96.0.0/16";
export const API_PORT = 6443;
/** Where Debian's containernetworking-plugins put the CNI plugins (provision.sh installs them). */
const CNI_PLUGINS = "/usr/lib/cni";

export const containerdSocket = (node: NodeLayout) => join(node.dir, "containerd.sock");
export const kubeconfigOf = (node: NodeLayout) => join(node.dir, "kubeconfig");

/** Writes every file the cluster's programs read, in a new `dir` with its `logs` folder. */
export function writeNodeFiles(node: NodeLayout): void {
  const { dir, address, token } = node;
  mkdirSync(join(dir, "logs"), { recursive: true });
  const file = (name: string, text: string) => writeFileSync(join(dir, name), text);
  file("tokens.csv", `${token},gini-test,gini-test,system:masters\n`);
  // The service accounts' token signing key pair.
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  file("sa.pub", publicKey.export({ type: "spki", format: "pem" }) as string);
  file("sa.key", privateKey.export({ type: "pkcs8", format: "pem" }) as string);
  file(
    "kubeconfig",
    JSON.stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        {
          name: "test",
          // The API server's serving certificate is self-signed, made by itself at start.
          cluster: { server: `https://${address}:${API_PORT}`, "insecure-skip-tls-verify": true },
        },
      ],
      users: [{ name: "test", user: { token } }],
      contexts: [{ name: "test", context: { cluster: "test", user: "test" } }],
      "current-context": "test",
    }),
  );
  file("containerd.toml", containerdConfig(node));
  file("10-gini.conflist", JSON.stringify(cniConfig()));
  file("kubelet.json", JSON.stringify(kubeletConfig(node)));
  // Only the cluster's own names: nothing is forwarded, no query leaves the namespace.
  file(
    "Corefile",
    [
      "cluster.local:53 {",
      `  bind ${address}`,
      "  kubernetes cluster.local {",
      `    kubeconfig ${join(dir, "kubeconfig")}`,
      "  }",
      `  ready ${address}:8181`,
      "}",
    ].join("\n") + "\n",
  );
}

/** containerd with its CRI plugin, on a socket and state of the test's own. */
function containerdConfig(node: NodeLayout): string {
  const cri = 'plugins."io.containerd.grpc.v1.cri"';
  return [
    "version = 2",
    `root = "${join(node.dir, "containerd/root")}"`,
    `state = "${join(node.dir, "containerd/state")}"`,
    "[grpc]",
    `address = "${containerdSocket(node)}"`,
    `[${cri}]`,
    `sandbox_image = "${node.pauseImage}"`,
    // Pods' network namespaces under the state folder, so that clean-up finds every one of them.
    "netns_mounts_under_state_dir = true",
    // The kubelet asks for oom_score_adj -998 for each pod's pause process; this machine refuses
    // a score below its own processes' (runc: "failed to update /proc/self/oom_score_adj:
    // Permission denied"), so containerd keeps it at containerd's own.
    "restrict_oom_score_adj = true",
    `[${cri}.cni]`,
    `bin_dir = "${CNI_PLUGINS}"`,
    `conf_dir = "${node.dir}"`,
  ].join("\n");
}

/** A bridge on the node for the pods, with addresses from POD_CIDR. */
function cniConfig() {
  return {
    cniVersion: "0.4.0",
    name: "gini-kube",
    plugins: [
      {
        type: "bridge",
        bridge: "gkube0",
        isGateway: true,
        // A default route through the bridge: the cluster's DNS and Service addresses are there.
        isDefaultGateway: true,
        hairpinMode: true,
        ipam: { type: "host-local", ranges: [[{ subnet: POD_CIDR }]] },
      },
      { type: "portmap", capabilities: { portMappings: true } },
    ],
  };
}

function kubeletConfig(node: NodeLayout) {
  return {
    apiVersion: "kubelet.config.k8s.io/v1beta1",
    kind: "KubeletConfiguration",
    // This machine has cgroup v1, which Kubernetes 1.35+ refuses unless told otherwise.
    failCgroupV1: false,
    cgroupDriver: "cgroupfs",
    failSwapOn: false,
    address: node.address,
    healthzBindAddress: "127.0.0.1",
    readOnlyPort: 0,
    // Reached only from this machine: the API server is the one caller (logs, port-forward).
    authentication: { anonymous: { enabled: true }, webhook: { enabled: false } },
    authorization: { mode: "AlwaysAllow" },
    containerRuntimeEndpoint: `unix://${containerdSocket(node)}`,
    podLogsDir: join(node.dir, "pod-logs"),
    clusterDNS: [node.address],
    clusterDomain: "cluster.local",
    // No nameserver of this machine's in the pods: cluster names only.
    resolvConf: "",
    // A shared test machine: evict nothing, collect no images (the test's cannot be pulled again).
    evictionHard: {
      "memory.available": "1Mi",
      "nodefs.available": "1%",
      "imagefs.available": "1%",
    },
    imageGCHighThresholdPercent: 100,
    imageGCLowThresholdPercent: 99,
  };
}

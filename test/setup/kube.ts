// Test set-up, not the product: the parts of a one-node Kubernetes cluster, built from their Go
// modules (no download site or image registry is reachable here). The control plane, the node's
// kubelet and kube-proxy, and kubectl come from k8s.io/kubernetes, whose go.mod points its staging
// modules (k8s.io/api, …) at folders of its own repository, so the wrapper takes their published
// v0 releases instead; etcd from its server module, whose go.mod does the same with etcd's api and
// client modules; CoreDNS, the cluster's DNS, from its module with the plugins the test uses
// (test/fixtures/coredns). containerd, runc and the CNI
// plugins are the machine's packages (provision.sh).
import { createHash } from "node:crypto";
import { rename } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { cachedBuild, folderHash } from "./cached-build.js";
import { buildGoProgram } from "./go-build.js";

/** One Kubernetes release; its staging modules are published as v0.<minor>.<patch>. */
const KUBERNETES_VERSION = "v1.37.2";
/** The etcd release whose client that Kubernetes release uses (go.etcd.io/etcd/client/v3 v3.7). */
const ETCD_VERSION = "v3.7.3";
/** The CoreDNS release built on that Kubernetes release's client (k8s.io/client-go v0.37). */
const COREDNS_VERSION = "v1.15.0";
const hashOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 8);
const COREDNS_MAIN = fileURLToPath(new URL("../fixtures/coredns/", import.meta.url));
/** The programs of k8s.io/kubernetes, built in one `go build`: they share most packages. */
const KUBERNETES_PROGRAMS = [
  "kube-apiserver",
  "kube-controller-manager",
  "kube-scheduler",
  "kubelet",
  "kube-proxy",
  "kubectl",
] as const;

/** The built programs' paths, by program name. */
export type KubeTools = Record<(typeof KUBERNETES_PROGRAMS)[number] | "etcd" | "coredns", string>;

/** Builds what is missing into the test cache; returns the programs' paths. */
export async function ensureKubeTools(log?: (line: string) => void): Promise<KubeTools> {
  const staging = KUBERNETES_VERSION.replace(/^v1\./, "v0.");
  const kube = await cachedBuild(
    {
      // Keyed by the list of programs too: another list is a new entry, not a half-filled old one.
      entry: `kubernetes-${KUBERNETES_VERSION}-${hashOf(KUBERNETES_PROGRAMS.join(" "))}`,
      what: `${KUBERNETES_PROGRAMS.join(", ")} ${KUBERNETES_VERSION} from k8s.io/kubernetes`,
      build: (out, work) =>
        buildGoProgram(
          {
            module: "k8s.io/kubernetes",
            version: KUBERNETES_VERSION,
            packages: KUBERNETES_PROGRAMS.map((p) => `k8s.io/kubernetes/cmd/${p}`),
            localReplaces: staging,
            // What a release build stamps: `kubectl version` and the API's /version report it.
            stamps: {
              "k8s.io/component-base/version.gitVersion": KUBERNETES_VERSION,
              "k8s.io/client-go/pkg/version.gitVersion": KUBERNETES_VERSION,
            },
          },
          work,
          out,
        ),
    },
    log,
  );
  const etcd = await cachedBuild(
    {
      entry: `etcd-${ETCD_VERSION}`,
      what: `etcd ${ETCD_VERSION} from go.etcd.io/etcd/server/v3`,
      async build(out, work) {
        const module = "go.etcd.io/etcd/server/v3";
        await buildGoProgram(
          { module, version: ETCD_VERSION, packages: [module], localReplaces: ETCD_VERSION },
          work,
          out,
        );
        // go names a module path's program after the element before its major version: "server".
        await rename(join(out, "server"), join(out, "etcd"));
      },
    },
    log,
  );
  const coredns = await cachedBuild(
    {
      entry: `coredns-${COREDNS_VERSION}-${await folderHash(COREDNS_MAIN)}`,
      what: `CoreDNS ${COREDNS_VERSION} from github.com/coredns/coredns (test/fixtures/coredns)`,
      async build(out, work) {
        const module = "github.com/coredns/coredns";
        const program = { module, version: COREDNS_VERSION, packages: ["."], source: COREDNS_MAIN };
        await buildGoProgram(program, work, out);
      },
    },
    log,
  );
  const programs = KUBERNETES_PROGRAMS.map((p) => [p, join(kube, p)]);
  return {
    ...(Object.fromEntries(programs) as Record<(typeof KUBERNETES_PROGRAMS)[number], string>),
    etcd: join(etcd, "etcd"),
    coredns: join(coredns, "coredns"),
  };
}

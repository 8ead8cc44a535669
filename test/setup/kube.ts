// Test set-up, not the product: the parts of a Kubernetes control plane, built from their Go
// modules (no download site or image registry is reachable here): kube-apiserver and kubectl from
// k8s.io/kubernetes, whose go.mod points its staging modules (k8s.io/api, …) at folders of its
// own repository, so the wrapper takes their published v0 releases instead; etcd from its server
// module, whose go.mod does the same with etcd's api and client modules.
import { rename } from "node:fs/promises";
import { join } from "node:path";

import { cachedBuild } from "./cached-build.js";
import { buildGoProgram } from "./go-build.js";

/** One Kubernetes release; its staging modules are published as v0.<minor>.<patch>. */
const KUBERNETES_VERSION = "v1.37.2";
/** The etcd release whose client that Kubernetes release uses (go.etcd.io/etcd/client/v3 v3.7). */
const ETCD_VERSION = "v3.7.3";

/** The built programs' paths. */
export interface KubeTools {
  kubeApiserver: string;
  kubectl: string;
  etcd: string;
}

/** Builds what is missing into the test cache; returns the programs' paths. */
export async function ensureKubeTools(log?: (line: string) => void): Promise<KubeTools> {
  const staging = KUBERNETES_VERSION.replace(/^v1\./, "v0.");
  const kube = await cachedBuild(
    {
      entry: `kubernetes-${KUBERNETES_VERSION}`,
      what: `kube-apiserver and kubectl ${KUBERNETES_VERSION} from k8s.io/kubernetes`,
      build: (out, work) =>
        buildGoProgram(
          {
            module: "k8s.io/kubernetes",
            version: KUBERNETES_VERSION,
            packages: ["k8s.io/kubernetes/cmd/kube-apiserver", "k8s.io/kubernetes/cmd/kubectl"],
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
  return {
    kubeApiserver: join(kube, "kube-apiserver"),
    kubectl: join(kube, "kubectl"),
    etcd: join(etcd, "etcd"),
  };
}

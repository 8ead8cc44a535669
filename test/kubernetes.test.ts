// `gini export kubernetes` against a real kube-apiserver (with etcd, both built from their Go
// modules by the test set-up): the manifests must pass the API server's validation and admission
// under Pod Security `restricted`, as `kubectl apply -k` sends them, and go again with
// `kubectl delete -k`. No kubelet runs here (see the closing notes of issue 25), so no pod starts.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { SERVICES as STACK } from "../src/stack/services.js";
import { gini } from "./helpers/gini.js";
import { type ControlPlane, startControlPlane } from "./helpers/kube-control-plane.js";

const NAMESPACE = "spm";
/** The stack's services, each a Deployment and a Service of the export. */
const SERVICES = STACK.map((s) => s.name);

/** A pod as a Deployment's controller would make it from its template. */
const podOf = (
  deployment: { spec: { template: { metadata: object; spec: object } } },
  name: string,
) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { ...deployment.spec.template.metadata, name, namespace: NAMESPACE },
  spec: deployment.spec.template.spec,
});

describe("gini export kubernetes on a real API server, Pod Security restricted", () => {
  let plane: ControlPlane;
  const dir = projectFixture({ name: "gini-kube" });
  const out = join(dir, "k8s");
  beforeAll(async () => {
    plane = await startControlPlane(inject("kube"));
  }, 120_000);
  afterAll(() => plane?.stop(), 30_000);

  it("passes validation and admission as kubectl apply -k sends it, and deletes cleanly", async () => {
    const kubectl = (...args: string[]) => plane.kubectl(...args);
    const exported = await gini(dir, ["export", "kubernetes", "-o", out, "--namespace", NAMESPACE]);
    expect(exported.code, exported.stderr).toBe(0);
    // The namespace as a cluster admin would have it: restricted enforced, and warned of.
    expect(await kubectl("apply", "-f", join(out, "namespace.yaml"))).toMatchObject({ code: 0 });
    const levels = ["enforce", "warn"].map((m) => `pod-security.kubernetes.io/${m}=restricted`);
    expect(await kubectl("label", "namespace", NAMESPACE, ...levels)).toMatchObject({ code: 0 });

    const dryRun = await kubectl("apply", "-k", out, "--dry-run=server");
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stderr).toBe("");
    const applied = await kubectl("apply", "-k", out);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toBe("");
    for (const name of SERVICES) {
      expect(applied.stdout).toContain(`deployment.apps/${name} created`);
      expect(applied.stdout).toContain(`service/${name} created`);
    }

    // Pod Security is enforced on pods: each Deployment's pod, as its controller would create it.
    // No controller-manager runs, so the namespace's default service account is made by hand.
    expect(await kubectl("create", "serviceaccount", "default", "-n", NAMESPACE)).toMatchObject({
      code: 0,
    });
    for (const name of SERVICES) {
      const got = await kubectl("get", "deployment", name, "-n", NAMESPACE, "-o", "json");
      const deployment = JSON.parse(got.stdout) as Parameters<typeof podOf>[0];
      const file = join(dir, `${name}-pod.json`);
      writeFileSync(file, JSON.stringify(podOf(deployment, `${name}-check`)));
      const pod = await kubectl("create", "-f", file, "--dry-run=server");
      expect(pod.code, pod.stderr).toBe(0);
      expect(pod.stderr).toBe("");
      // The same pod running as root is refused: admission is really on.
      const spec = deployment.spec.template.spec as { securityContext: object };
      spec.securityContext = { ...spec.securityContext, runAsNonRoot: false, runAsUser: 0 };
      writeFileSync(file, JSON.stringify(podOf(deployment, `${name}-root`)));
      const root = await kubectl("create", "-f", file, "--dry-run=server");
      expect(root.code).not.toBe(0);
      expect(root.stderr).toContain('violates PodSecurity "restricted:latest"');
    }

    const deleted = await kubectl("delete", "-k", out, "--wait=false");
    expect(deleted.code, deleted.stderr).toBe(0);
    const left = await kubectl(
      "get",
      "deployments,services,configmaps",
      "-n",
      NAMESPACE,
      "-o",
      "name",
    );
    expect(left.code, left.stderr).toBe(0);
    expect(left.stdout.trim()).toBe("");
  }, 120_000);
});

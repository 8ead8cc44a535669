// `gini export kubernetes` on a real one-node cluster (test/helpers/kube-cluster.ts: the control
// plane, containerd, the kubelet, kube-proxy and CoreDNS, all built or installed by the test
// set-up), with Pod Security `restricted` enforced on the namespace: the manifests are admitted as
// `kubectl apply -k` sends them, the pods start and pass their probes on read-only root
// filesystems as the images' own users, the Services wire the stack together (spans reach Jaeger,
// Prometheus scrapes the collector, Jaeger's Monitor API reads the RED metrics), and
// `kubectl delete -k` leaves nothing.
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { SERVICES as STACK } from "../src/stack/services.js";
import { gini } from "./helpers/gini.js";
import { jaegerSpans } from "./helpers/jaeger.js";
import { type Cluster, START_WITHIN_MS, startCluster } from "./helpers/kube-cluster.js";
import { encodeRequest, exportGrpc, newSpan } from "./helpers/otlp-client.js";
import { eventually } from "./helpers/poll.js";
import { getJson } from "./helpers/test-network.js";

const NAMESPACE = "spm";
const SERVICE = "kube-test";
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

/** `kubectl port-forward` to a Service's port; resolves with the local `host:port`. */
function forward(cluster: Cluster, service: string, port: number): Promise<string> {
  const child: ChildProcess = cluster.spawnKubectl(
    ...["port-forward", "-n", NAMESPACE, `svc/${service}`, `:${port}`],
  );
  return new Promise((found, failed) => {
    let out = "";
    const read = (d: Buffer) => {
      out += d.toString();
      const local = /Forwarding from (127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (local) found(local);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code) => failed(new Error(`port-forward ${service} exited ${code}: ${out}`)));
  });
}

describe("gini export kubernetes on a real cluster, Pod Security restricted", () => {
  let cluster: Cluster;
  const kubectl = (...args: string[]) => cluster.kubectl(...args);
  const dir = projectFixture({ name: "gini-kube" });
  const out = join(dir, "k8s");
  beforeAll(async () => {
    const images = inject("images");
    // A pod's first process only holds its namespaces until it is told to stop: exactly what
    // the stand-in image does (the cluster has no registry to pull Kubernetes' pause image from).
    const pause = inject("standIn");
    cluster = await startCluster(
      inject("kube"),
      [images.collector, images.jaeger, images.prometheus, pause],
      pause,
    );
  }, START_WITHIN_MS + 60_000);
  afterAll(() => cluster?.stop(), 60_000);

  it("is admitted as kubectl apply -k sends it, and a pod running as root is not", async () => {
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
    // Admission is really on: each Deployment's pod, running as root, is refused.
    for (const name of SERVICES) {
      const got = await kubectl("get", "deployment", name, "-n", NAMESPACE, "-o", "json");
      const deployment = JSON.parse(got.stdout) as Parameters<typeof podOf>[0];
      const spec = deployment.spec.template.spec as { securityContext: object };
      spec.securityContext = { ...spec.securityContext, runAsNonRoot: false, runAsUser: 0 };
      const file = join(dir, `${name}-root.json`);
      writeFileSync(file, JSON.stringify(podOf(deployment, `${name}-root`)));
      const root = await kubectl("create", "-f", file, "--dry-run=server");
      expect(root.code).not.toBe(0);
      expect(root.stderr).toContain('violates PodSecurity "restricted:latest"');
    }
  }, 60_000);

  it("runs every Deployment: its pod starts and passes its probes", async () => {
    const waited = await kubectl(
      ...["wait", "deployment", "--all", "-n", NAMESPACE, "--for=condition=Available"],
      // Inside the minute a kubectl call may take (runProgram's limit).
      "--timeout=50s",
    );
    const pods = await kubectl("get", "pods", "-n", NAMESPACE, "-o", "wide");
    expect(waited.code, `${waited.stderr}\n${pods.stdout}`).toBe(0);
    for (const name of SERVICES)
      expect(waited.stdout).toContain(`deployment.apps/${name} condition met`);
    // Started once each: no crash, no probe failure restarted a container.
    const restarts = await kubectl(
      ...[
        "get",
        "pods",
        "-n",
        NAMESPACE,
        "-o",
        "jsonpath={.items[*].status.containerStatuses[*].restartCount}",
      ],
    );
    expect(restarts.stdout.split(" ")).toEqual(SERVICES.map(() => "0"));
  }, 180_000);

  it("wires the stack through its Services: spans to Jaeger, scrapes, RED metrics", async () => {
    const [collector, jaeger, prometheus] = await Promise.all([
      forward(cluster, "otel-collector", 4317),
      forward(cluster, "jaeger", 16686),
      forward(cluster, "prometheus", 9090),
    ]);
    // Several spans a second apart, so the span metrics have a rate to show.
    const span = newSpan(SERVICE, "GET /kube");
    for (let i = 0; i < 5; i++) {
      const sent = await eventually(
        () =>
          exportGrpc(collector, encodeRequest(i ? newSpan(SERVICE, "GET /kube") : span)).catch(
            () => undefined,
          ),
        (r) => r?.grpcStatus === "0",
        30_000,
        1000,
      );
      expect(sent).toMatchObject({ grpcStatus: "0" });
      await new Promise((r) => setTimeout(r, 1000));
    }
    // The collector reached Jaeger by its Service's name (jaeger:4317).
    // api_v3 answers trace IDs in hex or base64 by release: either spelling is the span's.
    const ids = [span.traceId, Buffer.from(span.traceId, "hex").toString("base64")];
    const spans = await eventually(
      () => jaegerSpans(SERVICE, `http://${jaeger}`),
      (found) => found.some((s) => ids.includes(s.traceId)),
    );
    expect(spans.some((s) => ids.includes(s.traceId))).toBe(true);
    // Prometheus reached the collector by its Service's name, on both ports.
    type Targets = { data: { activeTargets: { scrapeUrl: string; health: string }[] } };
    const targets = await eventually(
      () => getJson<Targets>(`http://${prometheus}/api/v1/targets`).catch(() => undefined),
      (doc) => (doc?.data.activeTargets ?? []).filter((t) => t.health === "up").length >= 2,
      60_000,
      1000,
    );
    expect(targets?.data.activeTargets.map((t) => [t.scrapeUrl, t.health]).sort()).toEqual([
      ["http://otel-collector:8888/metrics", "up"],
      ["http://otel-collector:8889/metrics", "up"],
    ]);
    // Jaeger reached Prometheus by its Service's name: a RED point in the Monitor tab's API.
    const calls = `http://${jaeger}/api/metrics/calls?service=${SERVICE}&lookback=60000&step=1000&ratePer=60000`;
    const family = await eventually(
      () => getJson<{ name: string; metrics: unknown[] }>(calls).catch(() => undefined),
      (doc) => (doc?.metrics.length ?? 0) > 0,
      60_000,
      1000,
    );
    expect(family).toMatchObject({ name: "service_call_rate" });
    expect(family?.metrics[0]).toMatchObject({
      labels: [{ name: "service_name", value: SERVICE }],
    });
  }, 180_000);

  it("kubectl delete -k leaves nothing: the namespace and everything in it are gone", async () => {
    const deleted = await kubectl("delete", "-k", out, "--timeout=50s");
    expect(deleted.code, deleted.stderr).toBe(0);
    const namespace = await kubectl("get", "namespace", NAMESPACE);
    expect(namespace.stderr).toContain("NotFound");
    const left = await kubectl(
      ...["get", "pods,deployments,services,configmaps", "-A", "-o", "name"],
      ...["-l", "app.kubernetes.io/part-of=gini"],
    );
    expect(left.code, left.stderr).toBe(0);
    expect(left.stdout.trim()).toBe("");
  }, 150_000);
});

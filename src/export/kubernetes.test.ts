import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Service } from "kubernetes-models/v1/Service";
import { afterEach, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

import { type Project, validateProject } from "../config/index.js";
import { projectFrom } from "../config/load.js";
import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import { SERVICES } from "../stack/index.js";
import { exportKubernetes } from "./index.js";
import type { KubernetesObject } from "./kubernetes.js";

afterEach(removeProjectFixtures);

/** Exports a fixture project into its folder's gini-k8s and reads every object back. */
async function exported(namespace?: string, project: Project = fixtureProject()) {
  const dir = join(project.dir, "gini-k8s");
  const result = await exportKubernetes(project, dir, namespace);
  const files = result.written.map((path) => ({ path, text: readFileSync(path, "utf8") }));
  const objects = files
    .filter((f) => !f.path.endsWith("kustomization.yaml"))
    .flatMap((f) => parseAllDocuments(f.text).map((d) => d.toJS() as KubernetesObject));
  const find = <K extends KubernetesObject["kind"]>(kind: K, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata?.name === name) as Extract<
      KubernetesObject,
      { kind: K }
    >;
  return { project, dir, result, files, objects, find };
}

describe("gini export kubernetes", () => {
  it("writes objects that validate against the Kubernetes schemas", async () => {
    const { objects } = await exported("spm");
    const models = { ConfigMap, Deployment, Service, Namespace } as const;
    for (const o of objects) expect(() => new models[o.kind](o as never).validate()).not.toThrow();
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      "Namespace/spm",
      ...SERVICES.flatMap((s) => [
        `ConfigMap/${s.name}-config`,
        `Deployment/${s.name}`,
        `Service/${s.name}`,
      ]),
      "ConfigMap/gini-otel-env",
    ]);
  });

  it("lists every file in kustomization.yaml, with the namespace", async () => {
    const { dir, result } = await exported("spm");
    const kustomization = parseAllDocuments(
      readFileSync(join(dir, "kustomization.yaml"), "utf8"),
    )[0]!.toJS() as { namespace: string; resources: string[] };
    expect(kustomization.namespace).toBe("spm");
    expect(kustomization.resources.map((f) => join(dir, f)).sort()).toEqual(
      result.written.filter((p) => !p.endsWith("kustomization.yaml")).sort(),
    );
  });

  it("pins images, and matches probes, ports and Service selectors to each other", async () => {
    const { find } = await exported();
    for (const s of SERVICES) {
      const pod = find("Deployment", s.name).spec!.template.spec!;
      const container = pod.containers[0]!;
      expect(container.image).toBe(s.defaultImage);
      expect(container.image).toMatch(/:[\w.-]+$/);
      const portNames = new Map(container.ports!.map((p) => [p.name, p.containerPort]));
      const probe = container.readinessProbe!.httpGet!;
      expect(probe.path).toBe(s.ready.path);
      expect(portNames.get(String(probe.port))).toBe(s.ready.port);
      const svc = find("Service", s.name).spec!;
      const deployment = find("Deployment", s.name).spec!;
      expect(svc.selector).toEqual(deployment.selector.matchLabels);
      expect(deployment.template.metadata!.labels).toMatchObject(svc.selector!);
      for (const port of svc.ports!) expect(portNames.get(String(port.targetPort))).toBe(port.port);
      expect(s.ports.every((p) => svc.ports!.some((sp) => sp.port === p))).toBe(true);
    }
  });

  it("runs each service unprivileged, bounded, with a read-only root", async () => {
    const { find } = await exported();
    for (const s of SERVICES) {
      const pod = find("Deployment", s.name).spec!.template.spec!;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: s.user });
      const container = pod.containers[0]!;
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      });
      expect(container.resources!.limits!.memory).toBe(`${s.resources.limit.memoryMiB}Mi`);
      const mounts = container.volumeMounts!.map((m) => m.mountPath);
      for (const path of s.writablePaths) expect(mounts).toContain(path);
      expect(container.volumeMounts![0]).toMatchObject({ mountPath: s.mountPath, readOnly: true });
    }
  });

  it("holds each config byte for byte, every address in it a Service of the export", async () => {
    const { project, find } = await exported();
    const addresses: string[] = [];
    for (const s of SERVICES) {
      const data = find("ConfigMap", `${s.name}-config`).data!;
      const [text] = Object.values(data);
      expect(Buffer.from(text!, "utf8").equals(readFileSync(project.stack[s.name].config))).toBe(
        true,
      );
      for (const [, host, port] of text!.matchAll(
        /(?<![\w.-])(otel-collector|jaeger|prometheus):(\d+)(?![\d.])/g,
      )) {
        const ports = find("Service", host!).spec!.ports!.map((p) => p.port);
        expect(ports, `${host}:${port} in ${s.name}'s config`).toContain(Number(port));
        addresses.push(`${host}:${port}`);
      }
    }
    expect([...new Set(addresses)].sort()).toEqual([
      "jaeger:4317",
      "otel-collector:8888",
      "otel-collector:8889",
      "prometheus:9090",
    ]);
  });

  it("exports configs that gini validate accepts", async () => {
    const { project, find } = await exported();
    const dir = join(project.dir, "from-configmaps");
    mkdirSync(dir);
    const stack = {} as Record<string, { config: string }>;
    for (const s of SERVICES) {
      const [[key, text]] = Object.entries(find("ConfigMap", `${s.name}-config`).data!) as [
        [string, string],
      ];
      writeFileSync(join(dir, key), text);
      stack[s.name] = { config: key };
    }
    const findings = await validateProject(projectFrom(dir, undefined, { stack }));
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("gives workloads the collector's address in gini-otel-env", async () => {
    const { find } = await exported();
    expect(find("ConfigMap", "gini-otel-env").data).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4317",
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
    });
  });

  it("gives an app with otlp: http its own env ConfigMap, and keeps the default grpc", async () => {
    const data = {
      apps: {
        web_ui: { image: "ui:1", otlp: "http" as const },
        api: { image: "api:1" },
        worker: { command: "run", otlp: "grpc" as const },
      },
    };
    const { find, objects } = await exported(undefined, fixtureProject({ data }));
    expect(find("ConfigMap", "gini-otel-env").data).toMatchObject({
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
    });
    expect(find("ConfigMap", "gini-otel-env-web-ui").data).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
    });
    const envMaps = objects.filter((o) => o.metadata?.name?.startsWith("gini-otel-env"));
    expect(envMaps.map((o) => o.metadata?.name)).toEqual(["gini-otel-env", "gini-otel-env-web-ui"]);
  });

  it("removes the files an earlier export wrote and this one does not, never the user's", async () => {
    const project = fixtureProject();
    const { dir } = await exported("spm", project);
    writeFileSync(join(dir, "mine.yaml"), "kind: Mine\n");
    await exported(undefined, project);
    expect(existsSync(join(dir, "namespace.yaml"))).toBe(false);
    expect(existsSync(join(dir, "mine.yaml"))).toBe(true);
    writeFileSync(join(dir, "jaeger.yaml"), "kind: Mine\n");
    await expect(exported(undefined, project)).rejects.toThrow(/not written by gini export/);
  });

  it("refuses a namespace Kubernetes would refuse, as a usage error", async () => {
    await expect(exported("Not_A_Namespace")).rejects.toMatchObject({ exitCode: 2 });
  });

  it("refuses a project whose configs gini validate fails", async () => {
    const project = fixtureProject({ fixtures: ["scrape-target.prometheus.yml"] });
    await expect(exportKubernetes(project, join(project.dir, "k8s"))).rejects.toThrow(
      /prometheus\.yml/,
    );
  });
});

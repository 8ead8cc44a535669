// Types only, erased from the build: the compiler holds every object to Kubernetes' API types.
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { IService } from "kubernetes-models/v1/Service";

import { otlpExporterEnv } from "../apps/index.js";
import { EXIT_USAGE, GiniError } from "../errors.js";
import { LABEL_VALUE, NAMESPACE_NAME, objectLabels } from "./kubernetes-names.js";
import { configKey, configMapName, deployment, service } from "./kubernetes-workload.js";
import type { ExportedService, StackModel } from "./stack-model.js";

type Doc = Record<string, unknown>;
/** An object of the export. */
export type KubernetesObject = IConfigMap | IDeployment | IService | INamespace;

/** The ConfigMap that a user's workloads take the collector's address from, with `envFrom`. */
export const OTEL_ENV_CONFIG_MAP = "gini-otel-env";

/** One file of the export: its name in the folder and the objects it holds. */
export interface ManifestFile {
  name: string;
  objects: KubernetesObject[];
}

/**
 * A service's config as a ConfigMap, unchanged: every address in the three configs is a service
 * name on gini-network (`jaeger:4317`, `http://prometheus:9090`, `otel-collector:8889` and
 * `:8888`), and each Service here has that name and those ports in the one namespace, so no
 * address needs a rewrite. The tests hold every address of the files to a Service.
 */
function configMap(project: string, s: ExportedService): IConfigMap {
  const { name } = s.definition;
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: configMapName(name), labels: objectLabels(project, name) },
    data: { [configKey(s)]: s.config.toString("utf8") },
  };
}

function checkNames(project: string, namespace: string | undefined): void {
  if (!LABEL_VALUE.test(project)) {
    throw new GiniError(`project name "${project}" is not a Kubernetes label value`, {
      hint: "set `name:` in gini.yaml: up to 63 letters, digits, '-', '_' or '.', alphanumeric at both ends",
      code: "invalid-config",
    });
  }
  if (namespace !== undefined && !NAMESPACE_NAME.test(namespace)) {
    throw new GiniError(`--namespace: "${namespace}" is not a namespace name`, {
      hint: "lower-case letters, digits and '-', up to 63, alphanumeric at both ends",
      exitCode: EXIT_USAGE,
    });
  }
}

/**
 * The stack as Kubernetes objects, one file per component (its ConfigMap, Deployment and
 * Service), the OTLP env ConfigMap, and with a namespace the Namespace itself, which
 * `kubectl apply -k` then creates first.
 */
export function kubernetesManifests(model: StackModel, namespace?: string): ManifestFile[] {
  const project = model.project.name;
  checkNames(project, namespace);
  const files: ManifestFile[] = [];
  if (namespace) {
    files.push({
      name: "namespace.yaml",
      objects: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } }],
    });
  }
  for (const s of model.services) {
    files.push({
      name: `${s.definition.name}.yaml`,
      objects: [configMap(project, s), deployment(project, s), service(project, s)],
    });
  }
  files.push({
    name: `${OTEL_ENV_CONFIG_MAP}.yaml`,
    objects: [
      // The collector by its Service name: envFrom reads a ConfigMap of the pod's own namespace,
      // so the workloads that take it run beside the collector.
      otelEnvConfigMap(OTEL_ENV_CONFIG_MAP, otlpExporterEnv({ kind: "container" })),
      // An app whose exporter speaks OTLP/HTTP (`otlp: http`) needs the other port and protocol.
      ...Object.entries(model.project.apps)
        .filter(([, app]) => app.otlp === "http")
        .map(([name]) =>
          otelEnvConfigMap(appOtelEnvName(name), otlpExporterEnv({ kind: "container" }, "http")),
        ),
    ],
  });
  return files;
}

/** The OTLP env ConfigMap of one app that sets `otlp: http` (`_` is not allowed in the name). */
function appOtelEnvName(app: string): string {
  return `${OTEL_ENV_CONFIG_MAP}-${app.replaceAll("_", "-")}`;
}

function otelEnvConfigMap(name: string, data: Record<string, string>): IConfigMap {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name, labels: { "app.kubernetes.io/part-of": "gini" } },
    data,
  };
}

/** The kustomization that `kubectl apply -k DIR` reads: the files, and the namespace if given. */
export function kustomization(files: readonly ManifestFile[], namespace?: string): Doc {
  return {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    ...(namespace ? { namespace } : {}),
    resources: files.map((f) => f.name),
  };
}

// Types only, erased from the build: the compiler holds every object to Kubernetes' API types.
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IService } from "kubernetes-models/v1/Service";

import { cpuQuantity, objectLabels, portName, selectorLabels } from "./kubernetes-names.js";
import type { ExportedService } from "./stack-model.js";

/** The ConfigMap of a service's config file and the key it holds it under. */
export function configMapName(service: string): string {
  return `${service}-config`;
}
/** The file name the service reads, which is also the ConfigMap's key. */
export function configKey(s: ExportedService): string {
  return s.definition.mountPath.split("/").pop()!;
}

/** Every port a service's pods serve: the published ones and those only the stack reaches. */
function servedPorts(s: ExportedService): number[] {
  return [...new Set([...s.definition.ports, ...s.definition.networkPorts])];
}

/** A volume name for a writable folder: `/prometheus` → `data-prometheus`. */
const volumeName = (path: string) => `data${path.replaceAll(/[^a-z0-9]+/g, "-")}`.slice(0, 63);

/** One container as `gini up` runs it, made to run unprivileged with a read-only root. */
function container(s: ExportedService): IContainer {
  const { name, command, mountPath, ready, resources, writablePaths } = s.definition;
  return {
    name,
    image: s.image,
    ...(command ? { args: command } : {}),
    ports: servedPorts(s).map((port) => ({
      name: portName(port),
      containerPort: port,
      protocol: "TCP",
    })),
    readinessProbe: {
      httpGet: { path: ready.path, port: portName(ready.port) },
      periodSeconds: 5,
      failureThreshold: 3,
    },
    resources: {
      requests: {
        cpu: cpuQuantity(resources.request.cpus),
        memory: `${resources.request.memoryMiB}Mi`,
      },
      limits: { cpu: cpuQuantity(resources.limit.cpus), memory: `${resources.limit.memoryMiB}Mi` },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    },
    volumeMounts: [
      // subPath mounts the one file, beside whatever else the image keeps in that folder.
      { name: "config", mountPath, subPath: configKey(s), readOnly: true },
      { name: "tmp", mountPath: "/tmp" },
      ...writablePaths.map((path) => ({ name: volumeName(path), mountPath: path })),
    ],
  };
}

/**
 * A service's Deployment: one replica (the stores are in memory), restarted when its config
 * changes because the pod template carries the config's hash.
 */
export function deployment(project: string, s: ExportedService): IDeployment {
  const { name, user, writablePaths } = s.definition;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels: objectLabels(project, name) },
    spec: {
      replicas: 1,
      selector: { matchLabels: selectorLabels(project, name) },
      template: {
        metadata: {
          labels: objectLabels(project, name),
          annotations: { "gini.config-sha256": s.configHash },
        },
        spec: {
          securityContext: {
            runAsNonRoot: true,
            runAsUser: user,
            runAsGroup: user,
            seccompProfile: { type: "RuntimeDefault" },
          },
          containers: [container(s)],
          volumes: [
            { name: "config", configMap: { name: configMapName(name) } },
            { name: "tmp", emptyDir: {} },
            ...writablePaths.map((path) => ({ name: volumeName(path), emptyDir: {} })),
          ],
        },
      },
    },
  };
}

/** The Service that gives the pods the name the other configs address them by. */
export function service(project: string, s: ExportedService): IService {
  const { name } = s.definition;
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, labels: objectLabels(project, name) },
    spec: {
      selector: selectorLabels(project, name),
      ports: servedPorts(s).map((port) => ({
        name: portName(port),
        port,
        targetPort: portName(port),
        protocol: "TCP",
      })),
    },
  };
}

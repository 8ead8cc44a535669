import { PORTS } from "../stack/index.js";

/** The labels that select one service's pods; its Deployment and Service share them. */
export function selectorLabels(project: string, service: string): Record<string, string> {
  return { "app.kubernetes.io/name": service, "app.kubernetes.io/instance": project };
}

/** Labels on every object: the selector's, plus what gini and `kubectl get -l` look for. */
export function objectLabels(project: string, service: string): Record<string, string> {
  return { ...selectorLabels(project, service), "app.kubernetes.io/part-of": "gini" };
}

/**
 * The name of a port, from the PORTS table's key (`otlpGrpc` → `otlp-grpc`): probes and Services
 * refer to container ports by it, so a port number is written once per object.
 */
export function portName(port: number): string {
  const key = Object.entries(PORTS).find(([, value]) => value === port)?.[0];
  return key ? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : `port-${port}`;
}

/** Kubernetes' label values and names: at most 63 characters, alphanumeric at both ends. */
export const LABEL_VALUE = /^(?=.{1,63}$)[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$/;
/** A namespace's name (RFC 1123 label). */
export const NAMESPACE_NAME = /^(?=.{1,63}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** CPU cores as a Kubernetes quantity: 0.25 → `250m`, 1 → `1`. */
export function cpuQuantity(cores: number): string {
  return Number.isInteger(cores) ? String(cores) : `${Math.round(cores * 1000)}m`;
}

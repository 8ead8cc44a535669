import { execFileSync } from "node:child_process";

/** Runs the docker CLI (test side only: the product talks to the engine through dockerode). */
export function docker(...args: string[]): string {
  return execFileSync("docker", args, { encoding: "utf8" }).trim();
}

/** IDs of containers carrying the label, running or not. */
export function containersLabelled(label: string): string[] {
  return docker("ps", "-aq", "--no-trunc", "--filter", `label=${label}`)
    .split("\n")
    .filter(Boolean);
}

/** The full ID of the container with that name, or "" when there is none. */
export function containerId(name: string): string {
  return docker("ps", "-aq", "--no-trunc", "--filter", `name=^/${name}$`);
}

/** The part of `docker inspect` that the tests read. */
export interface ContainerInspect {
  Config: { Labels: Record<string, string>; Env: string[] };
  Mounts: { Type: string; RW: boolean; Source: string }[];
  HostConfig: { Privileged: boolean };
  NetworkSettings: { Networks: Record<string, { Aliases: string[] | null } | undefined> };
  State: { Running: boolean; Pid: number };
}

/** `docker inspect` of one container, parsed. */
export function inspect(name: string): ContainerInspect {
  const [container] = JSON.parse(docker("inspect", name)) as ContainerInspect[];
  if (!container) throw new Error(`docker inspect ${name}: no such container`);
  return container;
}

/** The ID of gini-network, or "" when it does not exist. */
export function networkId(): string {
  return docker("network", "ls", "-q", "--filter", "name=^gini-network$");
}

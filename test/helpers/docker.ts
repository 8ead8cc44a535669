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

/** `docker inspect` of one container, parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- docker inspect is a large untyped document
export function inspect(name: string): Record<string, any> {
  return JSON.parse(docker("inspect", name))[0];
}

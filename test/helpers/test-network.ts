// Test helper, not the product: runs test containers on a private network with random host
// ports (never gini's fixed ones), and polls until a condition holds.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";

import { docker } from "../setup/images.js";

const run = promisify(execFile);
export { docker };

/** docker run that resolves with the exit code and output instead of throwing. */
export async function dockerRun(args: string[]): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await runProgram("docker", ["run", ...args], 60_000);
  return { code, output: stdout + stderr };
}

/** What a finished program left. */
export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program and resolves with its exit code and output; never rejects. */
export async function runProgram(
  program: string,
  args: string[],
  timeout = 60_000,
): Promise<Finished> {
  try {
    return { code: 0, ...(await run(program, args, { timeout, maxBuffer: 1 << 24 })) };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    const code = typeof e.code === "number" ? e.code : -1;
    return { code, stdout: e.stdout ?? "", stderr: e.stderr ?? String(err) };
  }
}

export interface ContainerSpec {
  service: string; // network alias, as in gini's topology
  image: string;
  mounts?: Record<string, string>; // host file → container path (read-only)
  ports?: number[]; // container ports published on 127.0.0.1:<random>
  args?: string[];
}

export class TestNetwork {
  readonly name = `gini-backends-test-${randomBytes(4).toString("hex")}`;
  private readonly containers: string[] = [];

  async create(): Promise<void> {
    await docker("network", "create", "--label", "gini.test=backends", this.name);
  }

  /** Starts a container; returns "127.0.0.1:<hostPort>" per published container port. */
  async start(spec: ContainerSpec): Promise<Record<number, string>> {
    const name = `${this.name}-${spec.service}`;
    const args = ["run", "-d", "--name", name, "--network", this.name];
    args.push("--network-alias", spec.service, "--label", "gini.test=backends");
    for (const [src, dest] of Object.entries(spec.mounts ?? {}))
      args.push("-v", `${src}:${dest}:ro`);
    for (const port of spec.ports ?? []) args.push("-p", `127.0.0.1::${port}`);
    this.containers.push(name);
    await docker(...args, spec.image, ...(spec.args ?? []));
    const addresses: Record<number, string> = {};
    for (const port of spec.ports ?? []) {
      const mapped = (await docker("port", name, String(port))).split("\n")[0] ?? "";
      addresses[port] = mapped.replace(/^0\.0\.0\.0:/, "127.0.0.1:");
    }
    return addresses;
  }

  containerName(service: string): string {
    return `${this.name}-${service}`;
  }

  async logs(service: string): Promise<string> {
    const { stdout, stderr } = await run("docker", ["logs", this.containerName(service)]);
    return stdout + stderr;
  }

  async destroy(): Promise<void> {
    if (this.containers.length) await docker("rm", "-f", "-v", ...this.containers).catch(() => "");
    await docker("network", "rm", this.name).catch(() => "");
  }
}

/** Polls fn until it returns a value that is not undefined/false, or throws after timeoutMs. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ""}`);
}

export async function getJson<T = unknown>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return (await res.json()) as T;
}

export async function getText(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: await res.text() };
}

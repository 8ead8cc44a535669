// Test set-up, not the product: a real Podman service (Debian's `podman`) speaking the Docker API
// on its own unix socket, with the test images copied in from the Docker engine. Podman's default
// ulimits ask for more open files than this machine's hard limit (20000), so the service reads a
// containers.conf of its own (CONTAINERS_CONF) instead of the machine's /etc/containers.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { copyImages, type TestImages } from "./images.js";

const run = promisify(execFile);

/** A running Podman service, and how to reach and stop it. */
export interface PodmanService {
  /** The endpoint for DOCKER_HOST: unix://… */
  host: string;
  /** Env for the `podman` CLI that uses the same settings as the service. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

const CONF = `[containers]
default_ulimits = ["nofile=20000:20000", "nproc=20000:20000"]
`;

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: "/_ping", timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.end();
  });
}

async function loadImage(tag: string, env: NodeJS.ProcessEnv): Promise<void> {
  const present = await run("podman", ["image", "exists", tag], { env }).then(
    () => true,
    () => false,
  );
  if (present) return;
  await copyImages([tag], ["podman", "load", "-q"], env);
}

/**
 * Starts `podman system service` on a fresh socket and loads the test images into Podman's store.
 * Fails (never skips) when podman is missing: `npm run provision` installs it.
 */
export async function startPodman(images: TestImages): Promise<PodmanService> {
  const dir = mkdtempSync(join(tmpdir(), "gini-podman-"));
  const conf = join(dir, "containers.conf");
  writeFileSync(conf, CONF);
  const socket = join(dir, "podman.sock");
  const env = { ...process.env, CONTAINERS_CONF: conf };
  const service = spawn("podman", ["system", "service", "--time=0", `unix://${socket}`], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  service.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => service.on("close", () => resolve()));
  service.on("error", (err) => (stderr += String(err)));
  const stop = async () => {
    service.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100 && !(await ping(socket)); i++) {
    if (service.exitCode !== null || stderr.includes("ENOENT")) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await ping(socket))) {
    await stop();
    throw new Error(`podman system service did not answer on ${socket}: ${stderr.trim()}`);
  }
  for (const tag of [images.collector, images.jaeger, images.prometheus]) {
    await loadImage(tag, env);
  }
  return { host: `unix://${socket}`, env, stop };
}

/** Runs the podman CLI with the service's settings (test side only). */
export async function podman(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  return (await run("podman", args, { env, maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
}

import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

// Not imported from ./gini.js: that one needs vitest, and the benchmark uses this file too.
const ROOT = resolve(import.meta.dirname, "../..");

/** A demo server (dist/demo/<script>) started by a test. */
export interface DemoProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
  /** SIGTERM, and resolves with the exit code once it is gone. */
  stop: () => Promise<number | null>;
}

/** A port nothing listens on right now (never the demo's defaults, which a real gini may use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node dist/demo/<script>` on a free port with `env` (and no OTEL variables unless given)
 * and resolves once it answers `readyPath`.
 */
export async function startDemo(
  script: "api.js" | "ui.js",
  env: Record<string, string>,
  readyPath = "/health",
): Promise<DemoProcess> {
  const port = await freePort();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("OTEL_")),
  );
  const child = spawn(process.execPath, [join(ROOT, "dist/demo", script)], {
    env: { ...inherited, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(url + readyPath).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || i > 100) {
      child.kill("SIGKILL");
      throw new Error(`${script} did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    stop: () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

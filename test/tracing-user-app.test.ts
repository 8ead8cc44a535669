// gini-spm/tracing as a user's Node app uses it: imported by package name (static imports, node:http
// included, no signal handlers of its own), and as a preload with --import. Spans must reach the
// collector even when the process is stopped before the batch delay is over.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { tempFolder } from "../src/config/project.fake.js";
import { freePort } from "./helpers/demo-process.js";
import { ROOT } from "./helpers/gini.js";
import { carrying } from "./helpers/otlp-decode.js";
import { type OtlpReceiver, startOtlpReceiver } from "./helpers/otlp-receiver.js";

// Answers /inner with the traceparent it got; /outer calls /inner with node:http's request().
const SERVER = `
const port = Number(process.env.PORT);
createServer((req, res) => {
  if (req.url.startsWith("/inner")) return res.end(req.headers.traceparent ?? "none");
  request({ port, host: "127.0.0.1", path: "/inner" }, (inner) => inner.pipe(res)).end();
}).listen(port, "127.0.0.1", () => console.log("ready"));
`;

let receiver: OtlpReceiver;
let dir: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // A project that depends on gini-spm, as after `npm install gini-spm`.
  dir = tempFolder("gini-user-app-");
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "gini-spm"));
  writeFileSync(
    join(dir, "traced.mjs"),
    `import { createServer, request } from "node:http";\nimport { setupTracing } from "gini-spm/tracing";\nsetupTracing({ serviceName: "user-app" });\n${SERVER}`,
  );
  writeFileSync(
    join(dir, "plain.mjs"),
    `import http from "node:http";\nconst { createServer, request } = http;\n${SERVER}`,
  );
});

const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await receiver?.close();
});

async function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      // Far longer than the test: only the flush on shutdown can deliver the span in time.
      OTEL_BSP_SCHEDULE_DELAY: "60000",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`app exited early with ${code}`)));
  });
  return { child, port };
}

const exit = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

describe("gini-spm/tracing in a user's app", () => {
  it("traces an app that imported node:http first, and flushes on SIGTERM", async () => {
    const { child, port } = await run(["traced.mjs"], {});
    const traceId = randomBytes(16).toString("hex");
    const res = await fetch(`http://127.0.0.1:${port}/outer/user-marker-1`, {
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` },
    });
    // The named import `request` is instrumented too: it carried the trace on to /inner.
    expect(await res.text()).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const exited = exit(child);
    child.kill("SIGTERM");
    // No handler of its own: it still ends by SIGTERM, as its parent expects, after flushing.
    expect(await exited).toEqual({ code: null, signal: "SIGTERM" });
    await receiver.waitFor("user-marker-1", 2000);
    const spans = carrying(receiver.spans(), "user-marker-1");
    expect(spans.map((s) => [s.service, s.traceId])).toContainEqual(["user-app", traceId]);
  });

  it("lets OTEL_SERVICE_NAME win, and works as a preload (--import) on SIGINT", async () => {
    const register = join(ROOT, "dist/tracing/register.js");
    const { child, port } = await run(["--import", register, "plain.mjs"], {
      OTEL_SERVICE_NAME: "preloaded-app",
    });
    const inner = await (await fetch(`http://127.0.0.1:${port}/outer/user-marker-2`)).text();
    expect(inner).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const exited = exit(child);
    child.kill("SIGINT");
    expect(await exited).toEqual({ code: null, signal: "SIGINT" });
    await receiver.waitFor("user-marker-2", 2000);
    const services = carrying(receiver.spans(), "user-marker-2").map((s) => s.service);
    expect([...new Set(services)]).toEqual(["preloaded-app"]);
  });
});

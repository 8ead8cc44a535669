// The path a user takes: the repository packed as npm would publish it, installed into a fresh
// project with `npm i -D`, then `npx gini init`, `validate`, `up --detach`, `status` and `down`
// from there, against the real engine with the test images.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ROOT, tempFolder } from "../src/config/project.fake.js";
import { containersLabelled } from "./helpers/docker.js";
import { StatusDoc } from "./helpers/json-docs.js";

const exec = promisify(execFile);
const PROJECT = "gini-pack-it";

interface Result {
  code: number;
  out: string;
  stdout: string;
}

describe("gini-spm as a user installs it: npm pack, npm i -D, npx gini", () => {
  const scratch = tempFolder("gini-pack-");
  const app = join(scratch, PROJECT);
  let packed: { name: string; filename: string; files: { path: string }[] };

  const sh = async (cmd: string, args: string[], cwd = app): Promise<Result> => {
    const images = inject("images");
    const env = {
      ...process.env,
      NO_COLOR: "1",
      GINI_OTEL_COLLECTOR_IMAGE: images.collector,
      GINI_JAEGER_IMAGE: images.jaeger,
      GINI_PROMETHEUS_IMAGE: images.prometheus,
    };
    try {
      const r = await exec(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, out: r.stdout + r.stderr, stdout: r.stdout };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      const code = typeof e.code === "number" ? e.code : 1;
      return { code, out: `${e.stdout}${e.stderr}`, stdout: e.stdout ?? "" };
    }
  };
  const gini = (...args: string[]) => sh("npx", ["--no-install", "gini", ...args]);

  beforeAll(async () => {
    // The global set-up has built dist/ as `npm run build` does before a publish.
    // --ignore-scripts: `prepare` would build dist/ again.
    const pack = await sh(
      "npm",
      ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch],
      ROOT,
    );
    expect(pack.code, pack.out).toBe(0);
    packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: PROJECT, private: true }));
    const tarball = join(
      scratch,
      `${packed.name}-${process.env.npm_package_version ?? "0.1.0"}.tgz`,
    );
    const install = await sh("npm", ["i", "-D", "--no-audit", "--no-fund", tarball]);
    expect(install.code, install.out).toBe(0);
  });
  afterAll(async () => {
    await gini("down");
    rmSync(scratch, { recursive: true, force: true });
  });

  it("ships the CLI, the demo apps, gini-spm/tracing and the configs, and no sources or tests", () => {
    const paths = packed.files.map((f) => f.path);
    expect(packed.name).toBe("gini-spm");
    for (const needed of [
      "dist/bundle/bin.js",
      "dist/demo/api.js",
      "dist/tracing/setup-tracing.js",
    ])
      expect(paths).toContain(needed);
    expect(paths).toEqual(expect.arrayContaining(["config-spm.yaml", "templates/gini.yaml"]));
    expect(
      paths.filter((p) => /^(src|test|bench)\/|\.test\.js$|^dist\/(cli|stack)\//.test(p)),
    ).toEqual([]);
  });

  it("npx gini init writes the configs and validate passes them", async () => {
    expect(await gini("--version")).toMatchObject({ code: 0 });
    const init = await gini("init");
    expect(init.code, init.out).toBe(0);
    expect(init.out).toMatch(/written +gini\.yaml/);
    const validate = await gini("validate");
    expect(validate.code, validate.out).toBe(0);
  });

  it("npx gini up --detach brings the stack up from the installed package, down removes it", async () => {
    const up = await gini("up", "--detach");
    expect(up.code, up.out).toBe(0);
    const status = StatusDoc.parse(JSON.parse((await gini("status", "--json")).stdout));
    expect(status.services.map((s) => [s.name, s.health])).toEqual([
      ["otel-collector", "healthy"],
      ["jaeger", "healthy"],
      ["prometheus", "healthy"],
    ]);
    const down = await gini("down");
    expect(down.code, down.out).toBe(0);
    expect(containersLabelled(`gini.project=${PROJECT}`)).toEqual([]);
  });

  it("without gini.yaml the demo apps shipped in the package start and answer", async () => {
    rmSync(join(app, "gini.yaml"));
    const up = await gini("up", "--detach");
    expect(up.code, up.out).toBe(0);
    expect(up.out).toMatch(/app api ready/);
    expect((await fetch("http://127.0.0.1:8000/api/items")).status).toBe(200);
    expect((await gini("down")).code).toBe(0);
  });

  it("npx gini mcp answers an MCP client from the installed package", async () => {
    const transport = new StdioClientTransport({
      command: "npx",
      args: ["--no-install", "gini", "mcp"],
      cwd: app,
      env: { ...(process.env as Record<string, string>), NO_COLOR: "1" },
      stderr: "pipe",
    });
    const client = new Client({ name: "gini-pack-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["status", "red", "traces"]));
      const status = (await client.callTool({ name: "status", arguments: {} })) as CallToolResult;
      expect(status.isError).toBeFalsy();
      expect(StatusDoc.parse(status.structuredContent).project).toBe(PROJECT);
    } finally {
      await client.close();
    }
  });

  it("a user's app imports gini-spm/tracing by package name", async () => {
    const r = await sh("node", [
      "--input-type=module",
      "-e",
      'import { setupTracing } from "gini-spm/tracing"; console.log(typeof setupTracing);',
    ]);
    expect([r.code, r.stdout]).toEqual([0, "function\n"]);
  });
});

import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { projectDownAround, ROOT, spawnGini } from "./helpers/gini.js";
import { eventually } from "./helpers/poll.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ITEMS = "http://localhost:8000/api/items";

/** The pid the state file records for an app. */
function recordedPid(dir: string, app: string): number | undefined {
  const state = JSON.parse(readFileSync(join(dir, ".gini/state.json"), "utf8")) as {
    apps: { name: string; pid: number }[];
  };
  return state.apps.find((a) => a.name === app)?.pid;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("gini up --watch on the real stack, with the demo API as a user's host app", () => {
  const dir = projectFixture({
    name: "gini-watch",
    files: {
      "latency.json": "{}",
      "src/handler.js": "// the app's code\n",
      ".gitignore": "*.tmp\n",
      "docs/notes.md": "",
    },
  });
  const knob = join(dir, "latency.json");
  writeFileSync(
    join(dir, "gini.yaml"),
    [
      "apps:",
      "  api:",
      `    command: node ${join(ROOT, "dist/demo/api.js")}`,
      `    env: { PORT: "8000", OTEL_SERVICE_NAME: gini-api, GINI_DEMO_LATENCY_FILE: ${knob} }`,
      "    ready: http://localhost:8000/health",
      "    ignore: [docs/]",
      // Fifty requests after the restart before gini compares: a p95 of ten is mostly noise.
      "slo:",
      '  "*": { min_requests: 50 }',
      "",
    ].join("\n"),
  );
  projectDownAround(dir);
  let up: ChildProcess;
  let out = "";
  let sending = true;
  let traffic: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    up = spawnGini(dir, ["up", "--watch"]);
    up.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    up.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    await eventually(
      async () => out,
      (o) => o.includes("watching"),
      120_000,
    );
    // About 20 requests a second to the listing, before and after the change; a request during
    // the restart fails and is sent again on the next round.
    traffic = (async () => {
      while (sending) {
        await fetch(ITEMS).catch(() => undefined);
        await sleep(50);
      }
    })();
  });

  afterAll(async () => {
    sending = false;
    await traffic;
    if (up.exitCode === null) up.kill("SIGKILL");
  });

  it("restarts for a watched file and not for ignored ones, then says what the change did", async () => {
    expect(out).toContain("api: watching .; a change restarts it");
    const first = recordedPid(dir, "api")!;
    writeFileSync(join(dir, "scratch.tmp"), "listed in .gitignore");
    writeFileSync(join(dir, "docs/notes.md"), "under the app's ignore:");
    mkdirSync(join(dir, "node_modules/x"), { recursive: true });
    writeFileSync(join(dir, "node_modules/x/index.js"), "");
    await sleep(2000);
    expect(out).not.toContain("restarting");
    expect(recordedPid(dir, "api")).toBe(first);

    // A run long enough before the change for its window to hold a few hundred requests.
    await sleep(12_000);
    writeFileSync(knob, JSON.stringify({ "GET /api/items": { minMs: 50, maxMs: 100 } }));
    await eventually(
      async () => out,
      (o) => /api: restarted \(pid \d+\)/.test(o),
      30_000,
    );
    expect(out).toContain("api: latency.json changed, restarting");
    const second = Number(/api: restarted \(pid (\d+)\)/.exec(out)![1]);
    expect(second).not.toBe(first);
    expect(alive(first)).toBe(false);
    expect(recordedPid(dir, "api")).toBe(second);

    // The listing went from a few ms to 50–100 ms: significant, with the figures.
    const line = await eventually(
      async () => /api: gini-api GET \/api\/items: .*/.exec(out)?.[0],
      (l) => l !== undefined,
      90_000,
    );
    // Uniform 50–100 ms: p95 is 97.5 ms; the figure is read from histogram buckets.
    const p95 = Number(/p95 \S+ → (\d+(?:\.\d)?)ms \(\+\d+ %\)/.exec(line!)?.[1]);
    expect(Math.abs(p95 - 97.5) / 97.5).toBeLessThan(0.2);
    expect(line).toMatch(/, errors 0\.0% → 0\.0%$/);

    // And back: the listing fast again is a change too, downwards.
    await sleep(12_000);
    const mark = out.length;
    writeFileSync(knob, "{}");
    const faster = await eventually(
      async () => /api: gini-api GET \/api\/items: .*/.exec(out.slice(mark))?.[0],
      (l) => l !== undefined,
      90_000,
    );
    expect(faster).toMatch(/p50 \S+ → \S+ \(-\d+ %\)/);

    up.kill("SIGINT");
    await eventually(
      async () => up.exitCode,
      (code) => code !== null,
      20_000,
    );
    expect(out).toContain("Apps stopped");
    expect(alive(second)).toBe(false);
  }, 240_000);
});

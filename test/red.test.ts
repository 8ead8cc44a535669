import type { ChildProcess } from "node:child_process";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { gini, projectDownAround, spawnGini } from "./helpers/gini.js";
import { CheckDoc, RedDoc } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";

/** `gini traffic`'s rate: every request reaches the API, through the UI (12 in 20) or directly. */
const RPS = 10;
/** The traffic's failing share: 3 in 20 (src/demo/traffic-mix.ts). */
const FAILING_PERCENT = 15;
/** The rate window of the readings: four scrapes (every 5 s), all within the traffic. */
const WINDOW = "20s";
/** When to read, after the first request: series exist and the window holds only traffic. */
const READ_AFTER_MS = 30_000;

/** Budgets in gini.yaml, which `gini check` uses when no flag is given. */
const GINI_YAML = ["slo:", "  gini-api: { p95: 2s, error_rate: 50%, min_requests: 20 }", ""].join(
  "\n",
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `gini traffic` running in the background, with what it printed so far. */
function startTraffic(dir: string): { child: ChildProcess; output: () => string } {
  const child = spawnGini(dir, ["traffic", "--rps", String(RPS), "--duration", "90s"]);
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

/** The requests per second the traffic sent so far, from its latest `Ns: N sent` line. */
function sentRate(output: string): number {
  const ticks = [...output.matchAll(/^(\d+)s: (\d+) sent/gm)];
  const [, seconds, sent] = ticks.at(-1)!;
  return Number(sent) / Number(seconds);
}

const redJson = async (dir: string, ...args: string[]) => {
  const run = await gini(dir, ["red", "--json", ...args]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return RedDoc.parse(JSON.parse(run.stdout));
};

describe("gini red and gini check on the real stack, with known traffic", () => {
  const dir = projectFixture({ name: "gini-red", files: { "gini.yaml": GINI_YAML } });
  projectDownAround(dir);

  it("without a stack: one line saying Prometheus does not answer, and a hint (exit 1)", async () => {
    const run = await gini(dir, ["red"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: prometheus does not answer at http:\/\/localhost:9090 /);
    expect(run.stderr).toContain("hint: start the stack with `gini up`");
  });

  describe("with the demo apps", () => {
    let traffic: ReturnType<typeof startTraffic> | undefined;
    let red: RedDoc;

    beforeAll(async () => {
      const up = await gini(dir, ["up", "--detach"]);
      expect(up.stderr).not.toContain("error:");
      expect(up.code).toBe(0);
    });
    afterAll(async () => {
      if (traffic?.child.exitCode === null) {
        const exited = new Promise((resolve) => traffic!.child.once("exit", resolve));
        traffic.child.kill("SIGINT");
        await exited;
      }
    });

    it("before any traffic: says why there is no data instead of zeros", async () => {
      // Nothing has asked for a generation yet (readiness probes only GET /health and /).
      const args = ["--service", "gini-api", "--operation", "POST /api/generate"];
      const doc = await redJson(dir, ...args);
      expect(doc.services).toEqual([]);
      expect(["not-scraped-yet", "no-spans", "no-span-metrics-yet", "no-match"]).toContain(
        doc.noData?.reason,
      );
      const text = await gini(dir, ["red", ...args]);
      expect(text.stdout).toMatch(/^no data: .+\nhint: .+/m);
    });

    it("red --json: the API's rate, error share and p95 match the traffic sent", async () => {
      traffic = startTraffic(dir);
      const started = await eventually(
        async () => traffic!.output(),
        (out) => out.includes("sending"),
        30_000,
      );
      expect(started).toContain("sending");
      await sleep(READ_AFTER_MS);
      red = await redJson(dir, "--window", WINDOW);
      const sent = sentRate(traffic.output());
      expect(sent).toBeGreaterThan(RPS * 0.9);

      const api = red.services.find((s) => s.name === "gini-api")!;
      expect(api, JSON.stringify(red)).toBeDefined();
      expect(api.requestsPerSecond).toBeGreaterThan(sent * 0.8);
      expect(api.requestsPerSecond).toBeLessThan(sent * 1.2);
      expect(api.errorPercent).toBeGreaterThan(FAILING_PERCENT - 5);
      expect(api.errorPercent).toBeLessThan(FAILING_PERCENT + 5);
      // Generations take 50–400 ms (src/demo/api-server.ts), 45 % of the mix: the p95 lies among
      // them (about 310 ms as the 250/500 ms buckets interpolate, 260–340 ms on the dev stack).
      expect(api.latencyMs.p95).toBeGreaterThan(150);
      expect(api.latencyMs.p95).toBeLessThanOrEqual(500);
      expect(api.latencyMs.p50!).toBeLessThan(api.latencyMs.p95!);
      const ops = new Map(api.operations.map((o) => [o.name, o]));
      // Listings sleep 1–20 ms: their p95 stays within the 50 ms bucket, however busy CI is.
      expect(ops.get("GET /api/items")?.latencyMs.p95).toBeLessThanOrEqual(50);
      expect(ops.get("GET /api/items")?.errorPercent).toBe(0);
      // 3 of the 12 generations in each cycle of 20 fail.
      expect(ops.get("POST /api/generate")?.errorPercent).toBeGreaterThan(18);
      expect(ops.get("POST /api/generate")?.errorPercent).toBeLessThan(32);
      // The UI serves 12 of every 20 requests.
      const ui = red.services.find((s) => s.name === "gini-ui")!;
      expect(ui.requestsPerSecond).toBeGreaterThan(sent * 0.6 * 0.8);
      expect(ui.requestsPerSecond).toBeLessThan(sent * 0.6 * 1.2);
      expect(api.history.some((p) => p !== null && p > 0)).toBe(true);
    });

    it("check: passes gini.yaml's generous budget (exit 0), fails a tight one naming gini-api (exit 1)", async () => {
      const pass = await gini(dir, ["check", "--window", WINDOW, "--service", "gini-api"]);
      expect(pass.stdout).toContain("✔ within budget: gini-api");
      expect(pass.code).toBe(0);

      const tight = ["--window", WINDOW, "--p95", "10ms", "--error-rate", "1%"];
      const fail = await gini(dir, ["check", ...tight]);
      expect(fail.code).toBe(1);
      expect(fail.stdout).toMatch(
        /^✖ over budget: gini-api: p95 \d+ms over the 10ms budget, error rate [\d.]+% over the 1% budget$/m,
      );
      const doc = CheckDoc.parse(
        JSON.parse((await gini(dir, ["check", ...tight, "--json"])).stdout),
      );
      expect(doc.verdict).toBe("fail");
      const api = doc.results.find((r) => r.service === "gini-api")!;
      expect(api.verdict).toBe("fail");
      expect(api.violations.map((v) => v.budget).sort()).toEqual(["error_rate", "p95"]);
    });

    it("check: too few requests to judge is its own verdict and exit code (3)", async () => {
      const args = ["--window", WINDOW, "--p95", "2s", "--min-requests", "100000"];
      const run = await gini(dir, ["check", ...args]);
      expect(run.code).toBe(3);
      expect(run.stdout).toMatch(/^\? cannot judge: \d+ services? with too few requests/m);
      const doc = CheckDoc.parse(
        JSON.parse((await gini(dir, ["check", ...args, "--json"])).stdout),
      );
      expect(doc).toMatchObject({ verdict: "cannot-judge", exitCode: 3 });
    });
  });
});

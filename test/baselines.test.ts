import type { ChildProcess } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as z from "zod";

import { projectFixture } from "../src/config/project.fake.js";
import { gini, projectDownAround, spawnGini } from "./helpers/gini.js";
import { BaselineDoc, CheckDoc, CompareDoc } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";

/** `gini traffic`'s rate: /api/items gets about 3 requests a second directly, 1.5 through the UI. */
const RPS = 10;
/** Each reading's window: twenty 1 s scrapes, 60 or more /api/items requests. */
const WINDOW = "20s";
/** How long a window takes to fill with what came after a change (the window, flush, scrape). */
const FILL_MS = 23_000;
const ITEMS = "GET /api/items";
/** How long the apps run under traffic before the first baseline of unchanged code. */
const WARM_UP_MS = 20_000;
/** The slowed listing: uniform 50–100 ms, so p50 75 ms and p95 97.5 ms (the buckets' bounds). */
const SLOW = { minMs: 50, maxMs: 100 };

/** The JUnit document as fast-xml-parser reads it (attributes as plain keys). */
interface JunitDoc {
  testsuites: {
    testsuite: {
      tests: string;
      failures: string;
      testcase: { name: string; classname: string; failure?: { message: string } }[];
    };
  };
}

/** The first Markdown table in `text`: its header cells and rows of cells. */
function markdownTable(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split("\n").filter((l) => l.startsWith("|"));
  const cells = (l: string) =>
    l
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
  const [header, separator, ...rows] = lines.map(cells);
  expect(separator!.every((c) => c === "---")).toBe(true);
  expect(rows.every((r) => r.length === header!.length)).toBe(true);
  return { header: header!, rows };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("baselines and comparisons on the real stack, with the demo API slowed down", () => {
  const dir = projectFixture({ name: "gini-baselines", files: { "latency.json": "{}" } });
  const knob = join(dir, "latency.json");
  projectDownAround(dir);
  let traffic: ChildProcess | undefined;

  const json = async <T>(schema: z.ZodType<T>, ...args: string[]): Promise<T> => {
    const run = await gini(dir, [...args, "--json"]);
    expect(run.stderr, run.stdout).toBe("");
    return schema.parse(JSON.parse(run.stdout));
  };
  const items = (doc: CompareDoc) =>
    doc.operations.find((o) => o.service === "gini-api" && o.operation === ITEMS)!;

  beforeAll(async () => {
    // The demo API reads the knob on every request; host apps inherit gini's environment.
    const up = await gini(dir, ["up", "--detach"], { GINI_DEMO_LATENCY_FILE: knob });
    expect(up.stderr).not.toContain("error:");
    expect(up.code).toBe(0);
    traffic = spawnGini(dir, ["traffic", "--rps", String(RPS), "--duration", "10m"]);
    let out = "";
    traffic.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    await eventually(
      async () => out,
      (o) => o.includes("sending"),
      30_000,
    );
    await sleep(FILL_MS);
  });
  afterAll(async () => {
    if (traffic?.exitCode === null) {
      const exited = new Promise((resolve) => traffic!.once("exit", resolve));
      traffic.kill("SIGINT");
      await exited;
    }
  });

  it("--save keeps each operation's counts and histogram in .gini/baselines/, --baselines lists it, a missing or broken one is a one-line error naming the file", async () => {
    const saved = await json(BaselineDoc, "red", "--save", "first", "--window", WINDOW);
    const listing = saved.operations.find(
      (o) => o.operation === ITEMS && o.service === "gini-api",
    )!;
    expect(listing.requests).toBeGreaterThan(30);
    const counted = listing.histogram.counts.reduce((a, b) => a + b, 0);
    expect(Math.abs(counted - listing.requests)).toBeLessThanOrEqual(listing.requests * 0.1 + 2);
    // config-spm.yaml's buckets, in ms; one count more than bounds (above the last).
    expect(listing.histogram.boundsMs).toEqual([
      5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
    ]);
    expect(listing.histogram.counts).toHaveLength(12);
    expect(saved.metrics.duration).toMatch(/duration/);
    const file = join(dir, ".gini", "baselines", "first.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const list = await gini(dir, ["red", "--baselines"]);
    expect(list.stdout).toMatch(/^first +\d+ operations, \d+ requests, 20s window ending /m);

    const missing = await gini(dir, ["red", "--compare", "nope"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^error: no baseline "nope": \S*\.gini\/baselines\/nope\.json does not exist\nhint: /,
    );
    writeFileSync(join(dir, ".gini", "baselines", "broken.json"), "{ not json");
    const broken = await gini(dir, ["check", "--baseline", "broken"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^error: \S*\.gini\/baselines\/broken\.json: not JSON/);
  });

  it("nothing changed: three windows, each compared with the one before, flag no regression", async () => {
    // The first windows after the apps start are slower (the benchmark flags the first one):
    // a baseline is taken once they are warm, as docs/before-after.md advises.
    await sleep(WARM_UP_MS);
    let tested = 0;
    for (let i = 0; i < 3; i++) {
      await json(BaselineDoc, "red", "--save", `same-${i}`, "--window", WINDOW);
      await sleep(FILL_MS - 2000);
      const doc = await json(CompareDoc, "red", "--compare", `same-${i}`);
      expect(doc.now.range.windowSeconds).toBe(20);
      const compared = doc.operations.filter((o) => o.status === "compared");
      expect(compared.length).toBeGreaterThanOrEqual(4); // /api/items and /api/generate, twice
      // No regression: nothing significantly slower, no error rate significantly higher. A window
      // that was faster may be flagged (on a busy machine the first windows can be slower even
      // after the warm-up): that is a real change, not one a check fails on.
      const worse = compared.filter(
        (o) =>
          [o.latencyMs.p50, o.latencyMs.p95, o.latencyMs.p99].some(
            (l) => l.significant && (l.ms ?? 0) > 0,
          ) ||
          (o.errorPercent.significant && (o.errorPercent.points ?? 0) > 0),
      );
      expect(worse, JSON.stringify(doc)).toEqual([]);
      tested += compared.length;
    }
    expect(tested).toBeGreaterThanOrEqual(12);
    const check = await gini(dir, ["check", "--baseline", "same-2"]);
    expect(check.stdout).toContain('✔ no significant regression against "same-2"');
    expect(check.code).toBe(0);
  });

  it("too few requests to judge: check --baseline exits 3 and says so", async () => {
    const run = await gini(dir, ["check", "--baseline", "same-0", "--min-requests", "100000"]);
    expect(run.stdout).toMatch(
      /^\? cannot judge against "same-0": .*\b100000 requests\b.*\(exit 3\)$/m,
    );
    expect(run.code).toBe(3);
  });

  it("/api/items slowed to 50–100 ms: flagged significant, with its figures within 20 % of the truth; check --baseline exits 1 naming it", async () => {
    await json(BaselineDoc, "red", "--save", "before", "--window", WINDOW);
    writeFileSync(knob, JSON.stringify({ [ITEMS]: SLOW }));
    await sleep(FILL_MS);

    const doc = await json(CompareDoc, "red", "--compare", "before");
    const slowed = items(doc);
    expect(slowed.status).toBe("compared");
    expect(slowed.significant).toBe(true);
    expect(slowed.latencyMs.p50.before!).toBeLessThan(25);
    expect(slowed.latencyMs.p50.after!).toBeGreaterThan(75 * 0.8);
    expect(slowed.latencyMs.p50.after!).toBeLessThan(75 * 1.2);
    expect(slowed.latencyMs.p95.after!).toBeGreaterThan(97.5 * 0.8);
    expect(slowed.latencyMs.p95.after!).toBeLessThan(97.5 * 1.2);
    expect(slowed.latencyMs.p95.significant).toBe(true);
    expect(slowed.latencyMs.p95.test!.p).toBeLessThan(doc.method.alpha);
    const generate = doc.operations.find(
      (o) => o.service === "gini-api" && o.operation === "POST /api/generate",
    )!;
    expect(generate.significant).toBe(false);

    const text = await gini(dir, ["red", "--compare", "before"]);
    expect(text.stdout).toMatch(
      /^significant: gini-api GET \/api\/items: p50 [\d.]+ms → \d+ms \(\+\d+ %\), p95 /m,
    );

    const check = await gini(dir, ["check", "--baseline", "before", "--p95", "2s"]);
    expect(check.stdout).toMatch(
      /^✖ regressed against "before": gini-api GET \/api\/items: p95 [\d.]+ms → \d+ms \(\+\d+ % > \+20 %, p/m,
    );
    expect(check.code).toBe(1);
    const verdict = await json(CheckDoc, "check", "--baseline", "before", "--p95", "2s");
    expect(verdict).toMatchObject({ verdict: "fail", exitCode: 1, budgetVerdict: "pass" });
    const failed = verdict.baseline!.results.find(
      (r) => r.service === "gini-api" && r.operation === ITEMS,
    )!;
    expect(failed.verdict).toBe("fail");
    expect(failed.regressions.map((r) => r.limit)).toContain("p95-increase");
    // For a pull request: Markdown whose table parses, linking to the slow traces in Jaeger.
    const md = await gini(dir, ["check", "--baseline", "before", "--format", "markdown"]);
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^### gini check: ❌ fail$/m);
    const table = markdownTable(md.stdout);
    expect(table.header).toEqual(["", "service operation", "requests", "verdict", "traces"]);
    const row = table.rows.find((r) => r[1] === `\`gini-api ${ITEMS}\``)!;
    expect(row[0]).toBe("❌");
    expect(row[3]).toMatch(/^p95 [\d.]+ms → \d+ms \(\+\d+ % > \+20 %, p/);
    const slowest = /\[slowest\]\((http:\/\/localhost:16686\/search\?[^)]+)\)/.exec(row[4]!)![1]!;
    // The UI's search asks Jaeger's API with the same parameters: it finds the slowed requests.
    const api = new URL(slowest);
    api.pathname = "/api/traces";
    const found = (await (await fetch(api)).json()) as {
      data: { spans: { duration: number }[] }[];
    };
    expect(found.data.length).toBeGreaterThan(0);
    expect(found.data.every((t) => t.spans.some((sp) => sp.duration >= 50_000))).toBe(true);

    // For CI test views: JUnit XML, one case per limit and operation, the regression a failure.
    const junit = await gini(dir, [
      "check",
      "--baseline",
      "before",
      "--p95",
      "2s",
      "--format",
      "junit",
    ]);
    expect(junit.code).toBe(1);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      junit.stdout,
    ) as JunitDoc;
    const suite = xml.testsuites.testsuite;
    const cases = [suite.testcase].flat();
    expect(Number(suite.tests)).toBe(cases.length);
    expect(Number(suite.failures)).toBe(cases.filter((c) => c.failure).length);
    const p95Case = cases.find(
      (c) => c.name === `gini-api ${ITEMS}: p95 +≤20 % vs baseline before`,
    )!;
    expect(p95Case.classname).toBe("gini.check.gini-api");
    expect(p95Case.failure!.message).toMatch(/^p95 [\d.]+ms → \d+ms/);
    expect(cases.find((c) => c.name === "gini-api: p95 ≤ 2s")?.failure).toBeUndefined();

    // A generous limit lets the same slowdown through.
    const lenient = await gini(dir, [
      "check",
      "--baseline",
      "before",
      "--max-p95-increase",
      "5000%",
    ]);
    expect(lenient.code).toBe(0);
  });
});

/**
 * `npm run bench`: measures gini against the shell-script baseline side by side in one run, with
 * the local test images (buildTestImages), and prints one markdown table of medians, ratios and
 * targets. Nothing is asserted: a missed target says "missed". Progress goes to stderr.
 * Env: BENCH_ONLY (sections whose names contain one of these words, e.g. stack,RED),
 * BENCH_RUNS (default 7), BENCH_RED_RUNS (5), BENCH_PROMETHEUS_MINUTES (2; four windows of it),
 * BENCH_COMPARE_WINDOWS (10; false alarms of `red --compare`), BENCH_WATCH_ROUNDS (6; saves under
 * `up --watch`), BENCH_THROUGHPUT_SECONDS (30),
 * BENCH_THROUGHPUT_RATES (2500,5000,10000,20000,40000), BENCH_TRACING_ROUNDS/SECONDS (tracing.ts).
 * It uses the stack's fixed names and ports, like the integration tests: do not run both at once.
 */
import { buildTestImages } from "../test/setup/images.js";
import { coldStartRow } from "./cold-start.js";
import { engineConcurrencyRows, measureEngineConcurrency } from "./engine-concurrency.js";
import { falseAlarmRow, measureFalseAlarms } from "./false-alarms.js";
import { benchContext, cleanUp, docker, stackNamesInUse } from "./proc.js";
import { measurePrometheusCost, prometheusCostRows } from "./prometheus-cost.js";
import { measureRedDelay, redRow } from "./red-delay.js";
import { measureRedQuery, redQueryRows } from "./red-query.js";
import { measureStackTimes, stackRows, upPhases } from "./stack-times.js";
import { envInt } from "./stats.js";
import { renderTable, type Row } from "./table.js";
import { measureThroughput } from "./throughput.js";
import { throughputRows } from "./throughput-rows.js";
import { benchTracing } from "./tracing.js";
import { tracingRows } from "./tracing-rows.js";
import { measureWatch, watchRows } from "./watch.js";

const started = performance.now();
const runs = envInt("BENCH_RUNS", 7);
const redRuns = envInt("BENCH_RED_RUNS", 5);
const promMinutes = envInt("BENCH_PROMETHEUS_MINUTES", 2);
const seconds = envInt("BENCH_THROUGHPUT_SECONDS", 30);
const compareWindows = envInt("BENCH_COMPARE_WINDOWS", 10);
const watchRounds = envInt("BENCH_WATCH_ROUNDS", 6);
const rates = (process.env.BENCH_THROUGHPUT_RATES ?? "2500,5000,10000,20000,40000")
  .split(",")
  .map(Number);
if (rates.some((r) => !(r > 0)))
  throw new Error("BENCH_THROUGHPUT_RATES: positive numbers, e.g. 2500,5000");

const images = await buildTestImages();
const ctx = benchContext("bench", runs, images);

const taken = await stackNamesInUse();
if (taken.length > 0) {
  console.error(
    `bench: containers named ${taken.join(", ")} exist (someone else's stack?); ` +
      "the benchmark needs the fixed names and ports, and removes nothing it did not start",
  );
  process.exit(1);
}

const notes: string[] = [];
/** BENCH_ONLY=stack,red runs only the sections whose names contain one of the words. */
const only = process.env.BENCH_ONLY?.split(",").filter(Boolean);

/** Runs one measure; a failure becomes a row saying so, and the other measures still run. */
async function section(name: string, measure: () => Row[] | Promise<Row[]>): Promise<Row[]> {
  if (only && !only.some((word) => name.includes(word))) return [];
  try {
    return await measure();
  } catch (err) {
    console.error(`bench: ${name} failed:`, err);
    await cleanUp(ctx).catch(() => undefined);
    const why = (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
    return [
      {
        measure: name,
        gini: `failed: ${why}`,
        baseline: "",
        ratio: "",
        target: "",
        result: "missed",
      },
    ];
  }
}

process.once("SIGINT", () => void cleanUp(ctx).finally(() => process.exit(130)));
const rows: Row[] = [];
try {
  await cleanUp(ctx);
  rows.push(
    ...(await section("stack up/down", () => {
      const t = measureStackTimes(ctx);
      notes.push(
        `stack runs (ms): ${JSON.stringify(t, (_k, v: unknown) => (typeof v === "number" ? Math.round(v) : v))}`,
      );
      return stackRows(t, runs);
    })),
  );
  rows.push(
    ...(await section("where `up`'s time goes", () => {
      notes.push(`one \`up --verbose\` from nothing, its phases (ms): ${upPhases(ctx)}`);
      return [];
    })),
  );
  rows.push(
    ...(await section("engine concurrency", async () =>
      engineConcurrencyRows(await measureEngineConcurrency(ctx)),
    )),
  );
  rows.push(
    ...(await section("request → first RED point", async () => [
      redRow(await measureRedDelay(ctx, redRuns)),
    ])),
  );
  rows.push(
    ...(await section("Prometheus cost of the 1 s scrape", async () =>
      prometheusCostRows(await measurePrometheusCost(ctx, promMinutes)),
    )),
  );
  rows.push(
    ...(await section("false alarms of `red --compare`", async () => [
      falseAlarmRow(await measureFalseAlarms(ctx, compareWindows)),
    ])),
  );
  rows.push(
    ...(await section("`gini red --json` and MCP red", async () =>
      redQueryRows(await measureRedQuery(ctx)),
    )),
  );
  rows.push(
    ...(await section("up --watch", async () => watchRows(await measureWatch(ctx, watchRounds)))),
  );
  rows.push(
    ...(await section("collector throughput", async () => {
      const t = await measureThroughput(ctx, rates, seconds);
      if (t.neverServed.length)
        notes.push(
          `counters the collector never served (never incremented, taken as 0): ${t.neverServed.join(", ")}`,
        );
      return throughputRows(t);
    })),
  );
  rows.push(...(await section("`gini --version` cold start", () => [coldStartRow(ctx)])));
  rows.push(...(await section("demo API tracing", async () => tracingRows(await benchTracing()))));
} finally {
  await cleanUp(ctx);
}

const engine = await docker("version", "--format", "{{.Server.Version}}");
const images3 = `${images.collector}, ${images.jaeger}, ${images.prometheus}`;
console.log(
  `\ngini benchmark: medians; ${runs} runs unless a row says otherwise; Docker ${engine}; ${images3}\n`,
);
console.log(renderTable(rows));
console.log("");
for (const note of notes) console.log(note);
console.log(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);

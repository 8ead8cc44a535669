/**
 * `npm run soak`: the soak run, a benchmark and not a test. `gini up` with the demo apps, then for
 * SOAK_MINUTES (10) the demo under `gini traffic` (SOAK_DEMO_RPS, 10 requests/s) and the load
 * generator at SOAK_RATE spans/s (2,000: inside the loss-free range `npm run bench` measures),
 * both through the real collector. It prints what was sent, what the collector accepted and
 * exported, what Jaeger holds of the generator's traces, and the collector's peak memory minute
 * by minute, so that "nothing lost, memory flat" is a reading, not a belief.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";

import { buildTestImages } from "../test/setup/images.js";
import { delta, scrape } from "./collector-metrics.js";
import { countSpans } from "./jaeger-count.js";
import { sendLoad } from "./load-gen.js";
import { MemoryPoller } from "./memory.js";
import { benchContext, BIN, cleanUp, gini, stackNamesInUse } from "./proc.js";
import { envInt, sleep } from "./stats.js";
import { BATCH, drain, JAEGER_SETTLE_MS } from "./throughput.js";

const minutes = envInt("SOAK_MINUTES", 10);
const rate = envInt("SOAK_RATE", 2000);
const demoRps = envInt("SOAK_DEMO_RPS", 10);

const images = await buildTestImages();
const ctx = benchContext("soak", 1, images);
if ((await stackNamesInUse()).length > 0) {
  console.error("soak: a stack runs already; the soak needs the fixed names and ports");
  process.exit(1);
}

process.once("SIGINT", () => void cleanUp(ctx).finally(() => process.exit(130)));
try {
  gini(ctx, "up", "--detach");
  const memory = await MemoryPoller.start("otel-collector");
  const before = await scrape();
  const traffic = spawn(
    process.execPath,
    [BIN, "traffic", "--rps", String(demoRps), "--duration", `${minutes}m`],
    { cwd: ctx.dir, env: ctx.env, stdio: ["ignore", "pipe", "inherit"] },
  );
  let demo = "";
  traffic.stdout.on("data", (c: Buffer) => (demo += c.toString()));
  const perMinute: number[] = [];
  const sampling = (async () => {
    for (let m = 0; m < minutes; m++) {
      await sleep(60_000);
      perMinute.push(memory.takePeak().bytes / 2 ** 20);
      process.stderr.write(
        `soak: minute ${m + 1}/${minutes}: ${perMinute.at(-1)!.toFixed(0)} MiB\n`,
      );
    }
  })();
  const load = await sendLoad({
    address: "127.0.0.1:4317",
    service: "soak-load",
    rate,
    seconds: minutes * 60,
    batch: BATCH,
  });
  await Promise.all([sampling, once(traffic, "exit")]);
  const collector = delta(before, await drain(before));
  const jaeger = await countSpans(load.traceIds, BATCH, JAEGER_SETTLE_MS);
  await memory.stop();

  const mib = (n: number) => `${n.toFixed(0)} MiB`;
  console.log(`\ngini soak: ${minutes} min, generator ${rate} spans/s, demo ${demoRps} req/s`);
  console.log(
    `generator: sent ${load.sent} spans at ${load.achievedRate.toFixed(0)}/s, refused ${load.refused}`,
  );
  // `gini traffic` ends with "done: N sent, N ok, N failed" (3 in 20 fail on purpose).
  console.log(`demo traffic: ${/done: [^\n]*/.exec(demo)?.[0] ?? "no summary"}`);
  console.log(`collector (generator + demo): ${JSON.stringify(collector)}`);
  console.log(
    `Jaeger holds ${jaeger} of the generator's ${load.sent} spans` +
      (jaeger === load.sent ? " (all)" : ` (${load.sent - jaeger} missing)`),
  );
  console.log(`collector peak memory per minute: ${perMinute.map(mib).join(", ")}`);
  const [first, last] = [perMinute[0] ?? 0, perMinute.at(-1) ?? 0];
  console.log(
    `first minute ${mib(first)}, last ${mib(last)}, drift ${(last - first).toFixed(1)} MiB; ` +
      `max ${mib(Math.max(...perMinute))} (memory_limiter: 512 MiB)`,
  );
} finally {
  await cleanUp(ctx);
}

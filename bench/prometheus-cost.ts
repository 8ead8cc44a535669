/**
 * What the 1 s span-metrics scrape costs Prometheus: its CPU (the cgroup's CPU time over the
 * window) and peak memory, over an idle window and a window of `gini traffic` against the demo
 * apps, once with the span-metrics job scraped every 5 s (what gini shipped before) and once
 * every 1 s (the shipped prometheus.yml). BENCH_PROMETHEUS_MINUTES per window (run.ts).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { MemoryPoller } from "./memory.js";
import { type BenchContext, BIN, docker, gini, together } from "./proc.js";
import { sleep } from "./stats.js";
import type { Row } from "./table.js";

const TRAFFIC_RPS = 10;

/** CPU nanoseconds the container has used, from its cgroup (v1 or v2), or undefined. */
async function cpuReader(id: string): Promise<(() => Promise<number>) | undefined> {
  const layouts = [
    { file: `/sys/fs/cgroup/cpuacct/docker/${id}/cpuacct.usage`, ns: (t: string) => Number(t) },
    ...[`/sys/fs/cgroup/system.slice/docker-${id}.scope`, `/sys/fs/cgroup/docker/${id}`].map(
      (dir) => ({
        file: `${dir}/cpu.stat`,
        ns: (t: string) => Number(/^usage_usec (\d+)$/m.exec(t)?.[1]) * 1000,
      }),
    ),
  ];
  for (const l of layouts) {
    const read = async () => l.ns(await readFile(l.file, "utf8"));
    if ((await read().catch(() => NaN)) > 0) return read;
  }
  return undefined;
}

interface Window {
  cpuPercent: number;
  peakMiB: number;
}

/** One window: CPU share of one core and peak memory while `during` runs. */
async function measureWindow(during: Promise<unknown>, minutes: number): Promise<Window> {
  const id = await docker("inspect", "--format", "{{.Id}}", "prometheus");
  const cpu = await cpuReader(id);
  const memory = await MemoryPoller.start("prometheus");
  const cpuBefore = (await cpu?.()) ?? NaN;
  const started = performance.now();
  await Promise.all([during, sleep(minutes * 60_000)]);
  const cpuAfter = (await cpu?.()) ?? NaN;
  const wallNs = (performance.now() - started) * 1e6;
  const { bytes } = memory.takePeak();
  await memory.stop();
  return { cpuPercent: ((cpuAfter - cpuBefore) / wallNs) * 100, peakMiB: bytes / 2 ** 20 };
}

export interface PrometheusCost {
  minutes: number;
  windows: Record<"5s" | "1s", { idle: Window; traffic: Window }>;
}

export async function measurePrometheusCost(
  ctx: BenchContext,
  minutes: number,
): Promise<PrometheusCost> {
  const file = join(ctx.dir, "prometheus.yml");
  const shipped = await readFile(file, "utf8");
  const windows = {} as PrometheusCost["windows"];
  try {
    for (const interval of ["5s", "1s"] as const) {
      const config = shipped.replace(
        /scrape_interval: 1s\n(\s+)scrape_timeout: 1s/,
        `scrape_interval: ${interval}\n$1scrape_timeout: ${interval}`,
      );
      if (interval === "5s" && config === shipped)
        throw new Error("prometheus.yml: the span-metrics job's 1 s interval was not found");
      await writeFile(file, config);
      gini(ctx, "up", "--detach");
      process.stderr.write(`bench: Prometheus cost, ${interval} scrape, idle ${minutes} min\n`);
      const idle = await measureWindow(Promise.resolve(), minutes);
      process.stderr.write(`bench: Prometheus cost, ${interval} scrape, traffic ${minutes} min\n`);
      const traffic = together(ctx, [
        [
          process.execPath,
          BIN,
          "traffic",
          "--rps",
          String(TRAFFIC_RPS),
          "--duration",
          `${minutes}m`,
        ],
      ]);
      windows[interval] = { idle, traffic: await measureWindow(traffic, minutes) };
      gini(ctx, "down");
    }
  } finally {
    await writeFile(file, shipped);
  }
  return { minutes, windows };
}

export function prometheusCostRows(c: PrometheusCost): Row[] {
  const show = (w: Window) =>
    `CPU ${w.cpuPercent.toFixed(2)} % of a core, peak ${w.peakMiB.toFixed(1)} MiB`;
  return (["idle", "traffic"] as const).map((kind) => ({
    measure: `Prometheus, ${c.minutes} min ${kind === "idle" ? "idle" : `under \`gini traffic --rps ${TRAFFIC_RPS}\``}: span metrics scraped every 1 s vs 5 s`,
    gini: show(c.windows["1s"][kind]),
    baseline: `5 s: ${show(c.windows["5s"][kind])}`,
    ratio: `CPU ${(c.windows["1s"][kind].cpuPercent / c.windows["5s"][kind].cpuPercent).toFixed(2)}×`,
    target: "(the cost of RED within 5 s)",
    result: "",
  }));
}

/**
 * Measure 5: loss-free throughput of gini's collector config. On a fresh `gini up --no-apps`, the
 * load generator sends OTLP/gRPC to localhost:4317 at rising rates; for each rate the collector's
 * self-metrics say what it accepted and exported to Jaeger, Jaeger's API says what it holds, and
 * the collector's container memory is polled. Each rate uses its own service name and one trace
 * per request (512 spans), so all rates together stay near 4,500 traces, far below Jaeger's
 * max_traces (100,000): nothing is evicted and every span sent can be counted.
 */
import { type Counters, delta, scrape, type Snapshot } from "./collector-metrics.js";
import { countSpans } from "./jaeger-count.js";
import { type LoadResult, sendLoad } from "./load-gen.js";
import { MemoryPoller } from "./memory.js";
import { type BenchContext, gini } from "./proc.js";
import { sleep } from "./stats.js";

export const BATCH = 512;
export const LIMIT_MIB = 512; // config-spm.yaml's memory_limiter limit_mib
const DRAIN_TIMEOUT_MS = 60_000;
/** How long traces that Jaeger holds only partly are asked again after the collector drained. */
export const JAEGER_SETTLE_MS = 10_000;

export interface RateResult {
  rate: number;
  seconds: number;
  load: LoadResult;
  collector: Counters;
  /** Spans Jaeger holds for this rate's traces. */
  jaeger: number;
  /** The collector's peak memory while sending and draining. */
  peakMiB: number;
  /** Jaeger's, for context (it holds every span in memory). */
  jaegerPeakMiB: number;
  lossFree: boolean;
}

export interface ThroughputResult {
  rates: RateResult[];
  memorySource: string;
  /** Counter names the collector never served (taken as 0). */
  neverServed: string[];
}

/** Until the exporter has dealt with everything the receiver accepted and its queue is empty. */
export async function drain(before: Snapshot): Promise<Snapshot> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const now = await scrape();
    const d = delta(before, now);
    const settled = d.exported + d.sendFailed + d.enqueueFailed >= d.accepted && now.queue === 0;
    if (settled || Date.now() > deadline) return now;
    await sleep(500);
  }
}

interface Pollers {
  collector: MemoryPoller;
  jaeger: MemoryPoller;
}

async function oneRate(rate: number, seconds: number, memory: Pollers): Promise<RateResult> {
  const before = await scrape();
  memory.collector.takePeak(); // start this rate's window
  memory.jaeger.takePeak();
  const load = await sendLoad({
    address: "127.0.0.1:4317",
    service: `bench-load-${rate}`,
    rate,
    seconds,
    batch: BATCH,
  });
  const after = await drain(before);
  const peak = memory.collector.takePeak();
  const collector = delta(before, after);
  const jaeger = await countSpans(load.traceIds, BATCH, JAEGER_SETTLE_MS);
  const jaegerPeakMiB = memory.jaeger.takePeak().bytes / 2 ** 20;
  const lossFree =
    load.refused === 0 &&
    collector.accepted === load.sent &&
    collector.refused === 0 &&
    collector.failed === 0 &&
    collector.exported === load.sent &&
    collector.sendFailed === 0 &&
    collector.enqueueFailed === 0 &&
    jaeger === load.sent;
  const peakMiB = peak.bytes / 2 ** 20;
  process.stderr.write(
    `bench: ${rate} spans/s: sent ${load.sent} at ${load.achievedRate.toFixed(0)}/s, ` +
      `${JSON.stringify(collector)}, jaeger ${jaeger}, peak ${peakMiB.toFixed(0)} MiB ` +
      `(${peak.samples} samples)${Object.keys(load.errors).length ? `, errors ${JSON.stringify(load.errors)}` : ""}\n`,
  );
  return { rate, seconds, load, collector, jaeger, peakMiB, jaegerPeakMiB, lossFree };
}

export async function measureThroughput(
  ctx: BenchContext,
  rates: readonly number[],
  seconds: number,
): Promise<ThroughputResult> {
  gini(ctx, "up", "--detach", "--no-apps");
  const pollers: MemoryPoller[] = [];
  try {
    const memory = {
      collector: await MemoryPoller.start("otel-collector"),
      jaeger: await MemoryPoller.start("jaeger"),
    };
    pollers.push(memory.collector, memory.jaeger);
    const results: RateResult[] = [];
    for (const rate of rates) results.push(await oneRate(rate, seconds, memory));
    // Counters appear on their first increment and stay: what is missing now never happened.
    const { missing } = await scrape();
    return { rates: results, memorySource: memory.collector.source, neverServed: missing };
  } finally {
    await Promise.all(pollers.map((p) => p.stop()));
    gini(ctx, "down");
  }
}

/**
 * Tracing overhead of the demo API, for `npm run bench`: throughput with setupTracing exporting
 * to an in-process OTLP/gRPC receiver vs. the same server with tracing off, measured in one run,
 * alternating; and the time from a request to its span reaching the receiver. Loopback only.
 * Needs a built dist/ (the bench script builds first).
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { startDemo, type DemoProcess } from "../test/helpers/demo-process.js";
import { startOtlpReceiver, type OtlpReceiver } from "../test/helpers/otlp-receiver.js";

/** What benchTracing measured (medians). */
export interface TracingBench {
  tracedRps: number;
  untracedRps: number;
  spanDelayMedianMs: number;
  /** The endpoint loaded: /health, where the app does no work, so tracing's cost is all there is. */
  path: string;
  runs: { traced: number[]; untraced: number[]; spanDelaysMs: number[] };
}

const ROUNDS = Number(process.env.BENCH_TRACING_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_TRACING_SECONDS ?? 5);
const CONNECTIONS = 10;
const SPAN_PROBES = 20;
const PATH = "/health";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function load(server: DemoProcess, seconds: number): Promise<number> {
  const result = await autocannon({ url: server.url + PATH, connections: CONNECTIONS, duration: seconds });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`load on ${server.url}${PATH}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  }
  return result.requests.average;
}

/** Sequential requests, each waiting for its own span (found by a marker in its URL). */
async function spanDelays(server: DemoProcess, receiver: OtlpReceiver): Promise<number[]> {
  const delays: number[] = [];
  for (let i = 0; i < SPAN_PROBES; i++) {
    const marker = `bench-${i}-${randomBytes(4).toString("hex")}`;
    const sent = Date.now();
    const res = await fetch(`${server.url}/api/items?${marker}`);
    await res.arrayBuffer();
    const received = await receiver.waitFor(marker, 10_000);
    delays.push(received.at - sent);
  }
  return delays;
}

/** Runs the tracing benchmark (about 2 × ROUNDS × SECONDS plus a few seconds). */
export async function benchTracing(): Promise<TracingBench> {
  const receiver = await startOtlpReceiver();
  const servers: DemoProcess[] = [];
  try {
    const traced = await startDemo("api.js", {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
      OTEL_BSP_SCHEDULE_DELAY: "500", // what gini injects
    });
    servers.push(traced);
    const untraced = await startDemo("api.js", {});
    servers.push(untraced);

    const spanDelaysMs = await spanDelays(traced, receiver);
    await load(traced, 1); // warm-up: JIT, connection pools, the exporter's gRPC channel
    await load(untraced, 1);
    const runs = { traced: [] as number[], untraced: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so drift on a busy machine hits both alike.
      const order = round % 2 ? (["untraced", "traced"] as const) : (["traced", "untraced"] as const);
      for (const which of order) {
        runs[which].push(await load(which === "traced" ? traced : untraced, SECONDS));
        receiver.exports.length = 0; // keep memory flat; spans were counted by nobody
      }
    }
    return {
      tracedRps: median(runs.traced),
      untracedRps: median(runs.untraced),
      spanDelayMedianMs: median(spanDelaysMs),
      path: PATH,
      runs: { ...runs, spanDelaysMs },
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await receiver.close();
  }
}

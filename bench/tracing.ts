/**
 * Tracing overhead of the demo API, for `npm run bench`: throughput of `GET /api/items` (the
 * demo's fast endpoint) with setupTracing exporting to an OTLP/gRPC receiver in this process
 * vs. the same server with tracing off, in one run, alternating; the server's CPU time per
 * request for both (throughput at a fixed concurrency hides CPU cost while the server has CPU
 * to spare); and the time from a request to its span reaching the receiver. Loopback only.
 * Needs a built dist/ (the bench script builds first).
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

import autocannon from "autocannon";

import { type DemoProcess, startDemo } from "../test/helpers/demo-process.js";
import { type OtlpReceiver, startOtlpReceiver } from "../test/helpers/otlp-receiver.js";
import { median } from "./stats.js";

/** What benchTracing measured (medians). */
export interface TracingBench {
  tracedRps: number;
  untracedRps: number;
  spanDelayMedianMs: number;
  /** Server CPU time (user + system) per request, in microseconds. */
  tracedCpuUs: number;
  untracedCpuUs: number;
  /** The endpoint loaded. */
  path: string;
  runs: { traced: Run[]; untraced: Run[]; spanDelaysMs: number[] };
}

/** One load run against one server. */
interface Run {
  rps: number;
  cpuUs: number;
}

const ROUNDS = Number(process.env.BENCH_TRACING_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_TRACING_SECONDS ?? 5);
const CONNECTIONS = 10;
const SPAN_PROBES = 20;
const PATH = process.env.BENCH_TRACING_PATH ?? "/api/items";
/** USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used so far (utime + stime of /proc/<pid>/stat). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function load(server: DemoProcess, seconds: number): Promise<Run> {
  const before = cpuSeconds(server.child.pid!);
  const result = await autocannon({
    url: server.url + PATH,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const cpu = cpuSeconds(server.child.pid!) - before;
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(
      `load on ${server.url}${PATH}: ${result.errors} errors, ${result.non2xx} non-2xx answers`,
    );
  }
  return { rps: result.requests.average, cpuUs: (cpu * 1e6) / Math.max(1, result.requests.total) };
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
    const runs = { traced: [] as Run[], untraced: [] as Run[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so drift on a busy machine hits both alike.
      const order =
        round % 2 ? (["untraced", "traced"] as const) : (["traced", "untraced"] as const);
      for (const which of order) {
        runs[which].push(await load(which === "traced" ? traced : untraced, SECONDS));
        receiver.exports.length = 0; // keep memory flat; spans were counted by nobody
      }
    }
    return {
      tracedRps: median(runs.traced.map((r) => r.rps)),
      untracedRps: median(runs.untraced.map((r) => r.rps)),
      spanDelayMedianMs: median(spanDelaysMs),
      tracedCpuUs: median(runs.traced.map((r) => r.cpuUs)),
      untracedCpuUs: median(runs.untraced.map((r) => r.cpuUs)),
      path: PATH,
      runs: { ...runs, spanDelaysMs },
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await receiver.close();
  }
}

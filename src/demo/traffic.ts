import { EXIT_USAGE, GiniError } from "../errors.js";
import { httpProbe } from "../health/index.js";
import { TRAFFIC_CYCLE, type TrafficRequest } from "./traffic-mix.js";

/** What {@link driveTraffic} sends, where, and for how long. */
export interface TrafficOptions {
  uiUrl: string;
  apiUrl: string;
  /** Requests per second, at most {@link MAX_RPS}. */
  rps: number;
  durationSeconds: number;
  /** Stops early; the counts so far are returned. */
  signal?: AbortSignal;
  /** Called once the UI and the API answered, just before the first request. */
  onStart?: () => void;
  /** Called every `tickSeconds` with the running counts. */
  onTick?: (counts: TrafficCounts, elapsedSeconds: number) => void;
  tickSeconds?: number;
}

/** Answers of one route. `sent` may exceed ok + failed by the requests cut short at the end. */
interface RouteCounts {
  sent: number;
  ok: number;
  failed: number;
}

/** Totals, per route, and how many failures were "no answer at all". */
export interface TrafficCounts extends RouteCounts {
  unreachable: number;
  byRoute: Record<string, RouteCounts>;
}

/** A load generator for a developer's laptop, not a stress test. */
const MAX_RPS = 200;
/** Requests in flight at once; beyond that a slot is skipped rather than piling up. */
const MAX_IN_FLIGHT = 64;
const REQUEST_TIMEOUT_MS = 10_000;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The URL, if it points at this machine; traffic is never sent anywhere else. */
export function loopbackUrl(text: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new GiniError(`${flag}: "${text}" is not a URL`, {
      hint: "e.g. http://localhost:7860",
      exitCode: EXIT_USAGE,
    });
  }
  if (!LOOPBACK.has(url.hostname) || !/^https?:$/.test(url.protocol)) {
    throw new GiniError(`${flag}: ${text} is not on this machine`, {
      hint: "gini traffic only drives localhost",
      exitCode: EXIT_USAGE,
    });
  }
  return url;
}

async function checkAnswers(name: string, url: URL): Promise<void> {
  const probe = await httpProbe(url.href, 3000);
  if (probe.ok) return;
  throw new GiniError(`the demo ${name} at ${url.origin} does not answer (${probe.detail})`, {
    hint: "start the demo with `gini up` (it runs when gini.yaml has no apps), or pass --ui-url/--api-url",
  });
}

const newCounts = (): RouteCounts => ({ sent: 0, ok: 0, failed: 0 });

/** Refuses a rate or duration the loop cannot honour, as a usage error. */
function checkPace(rps: number, durationSeconds: number): void {
  if (!(rps > 0 && rps <= MAX_RPS)) {
    throw new GiniError(`--rps: ${rps} is out of range`, {
      hint: `use a rate above 0 and at most ${MAX_RPS}`,
      exitCode: EXIT_USAGE,
    });
  }
  if (!(durationSeconds > 0))
    throw new GiniError("--duration: must be above 0", {
      hint: "e.g. --duration 60s",
      exitCode: EXIT_USAGE,
    });
}

/**
 * Sends the demo a steady mix of fast, slow and failing requests (see TRAFFIC_CYCLE) through
 * the UI and straight to the API, so the Monitor tab has rates, errors and latencies to show.
 * @throws GiniError when a URL is not on this machine or the UI or API does not answer.
 */
export async function driveTraffic(options: TrafficOptions): Promise<TrafficCounts> {
  const { rps, durationSeconds, signal, onStart, onTick, tickSeconds = 5 } = options;
  checkPace(rps, durationSeconds);
  const ui = loopbackUrl(options.uiUrl, "--ui-url");
  const api = loopbackUrl(options.apiUrl, "--api-url");
  await checkAnswers("UI", ui);
  await checkAnswers("API", new URL("/health", api));
  onStart?.();

  const counts: TrafficCounts = { ...newCounts(), unreachable: 0, byRoute: {} };
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  const inFlight = new Set<Promise<void>>();
  const send = async (request: TrafficRequest) => {
    const route = (counts.byRoute[request.route] ??= newCounts());
    counts.sent++;
    route.sent++;
    let ok: boolean;
    try {
      const res = await fetch(new URL(request.path, request.target === "ui" ? ui : api), {
        method: request.method,
        headers: request.prompt ? { "content-type": "application/json" } : {},
        body: request.prompt ? JSON.stringify({ prompt: request.prompt }) : null,
        signal: AbortSignal.any([stop.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      await res.arrayBuffer();
      ok = res.ok;
    } catch {
      if (stop.signal.aborted) return; // cut short by the caller: neither ok nor failed
      counts.unreachable++;
      ok = false;
    }
    const field = ok ? "ok" : "failed";
    counts[field]++;
    route[field]++;
  };

  const start = Date.now();
  const total = Math.max(1, Math.round(rps * durationSeconds));
  let nextTick = tickSeconds;
  for (let i = 0; i < total && !stop.signal.aborted; i++) {
    const wait = start + (i * 1000) / rps - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (stop.signal.aborted) break;
    const elapsed = (Date.now() - start) / 1000;
    if (onTick && elapsed >= nextTick) {
      onTick(counts, elapsed);
      nextTick += tickSeconds;
    }
    if (inFlight.size >= MAX_IN_FLIGHT) continue;
    const request = send(TRAFFIC_CYCLE[i % TRAFFIC_CYCLE.length]!);
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }
  await Promise.all(inFlight);
  signal?.removeEventListener("abort", onAbort);
  return counts;
}

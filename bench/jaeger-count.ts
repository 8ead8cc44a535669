/**
 * Counts the spans Jaeger holds for the trace IDs the load generator sent, through its HTTP API
 * (GET /api/traces/{id}). Every request of the generator is one trace, so the count needs one
 * lookup per request, not a search over all traces of a service (whose answer would carry every
 * span at once). A trace Jaeger does not know counts 0.
 */
import { sleep } from "./stats.js";

const JAEGER = "http://127.0.0.1:16686";
const CONCURRENCY = 4;

interface TraceAnswer {
  data?: { spans?: unknown[] }[];
}

async function spansOf(traceId: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`${JAEGER}/api/traces/${traceId}`, {
        signal: AbortSignal.timeout(30_000),
      });
      if (res.status === 404) return 0;
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as TraceAnswer;
      return (body.data ?? []).reduce((n, t) => n + (t.spans?.length ?? 0), 0);
    } catch (err) {
      if (attempt >= 2) throw err;
      await sleep(500);
    }
  }
}

/**
 * Spans Jaeger holds for these traces, each expected to hold `perTrace` spans. Jaeger batches
 * before it stores, so traces still short are asked again, every second, for up to `settleMs`.
 */
export async function countSpans(
  traceIds: readonly string[],
  perTrace: number,
  settleMs: number,
): Promise<number> {
  const counts = new Map<string, number>(traceIds.map((id) => [id, 0]));
  const deadline = Date.now() + settleMs;
  for (;;) {
    const short = [...counts].filter(([, n]) => n < perTrace).map(([id]) => id);
    let next = 0;
    const worker = async () => {
      for (let id = short[next++]; id !== undefined; id = short[next++])
        counts.set(id, await spansOf(id));
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const stillShort = [...counts.values()].some((n) => n < perTrace);
    if (!stillShort || Date.now() > deadline) break;
    await sleep(1000);
  }
  return [...counts.values()].reduce((a, n) => a + n, 0);
}

import { describe, expect, it } from "vitest";

import type { ConfigFacts } from "../config/index.js";
import { beforeAfter, lagMs, type Runs, servedEnough, whenServed } from "./before-after.js";
import type { RedSelection } from "./promql.js";
import type { OperationWindow, RedWindow } from "./red-window.js";

/** The shipped configs' timing: 1 s flush, 1 s scrape. */
const facts = { flushSeconds: 1, scrapeSeconds: 1 } as ConfigFacts;
const BOUNDS = [5, 10, 25, 50, 100, 250];
const FAST = [300, 200, 0, 0, 0, 0, 0];
const SLOW = [0, 0, 0, 50, 450, 0, 0];

function op(service: string, operation: string, requests: number, counts: number[]) {
  return {
    service,
    operation,
    requestsPerSecond: requests / 60,
    requests,
    errorPercent: 0,
    latencyMs: counts === SLOW ? { p50: 75, p95: 97, p99: 99 } : { p50: 4, p95: 9, p99: 10 },
    errors: 0,
    histogram: { boundsMs: BOUNDS, counts },
  } satisfies OperationWindow;
}

/** A reader that answers `byTime` (unix seconds) and records what it was asked. */
function reader(byTime: (time: number) => OperationWindow[]) {
  const asked: { selection: RedSelection; time: number }[] = [];
  const read = (selection: RedSelection, time: number): Promise<RedWindow> => {
    asked.push({ selection, time });
    return Promise.resolve({
      range: {
        start: "",
        end: new Date(time * 1000).toISOString(),
        windowSeconds: selection.windowSeconds,
      },
      selection: { spanKind: "server", service: null, operation: null },
      metrics: { calls: "c", duration: "d", unit: "ms" },
      operations: byTime(time),
      noData: null,
    });
  };
  return { read, asked };
}

const T = 1_800_000_000_000;
/** Ready at T, changed 60 s later, ready again 1 s after that. */
const runs: Runs = { before: { from: T, to: T + 60_000 }, readyAt: T + 61_000 };

/** whenServed over `read`, with the clock `msAfterReady` after the restart's ready; a comparison. */
async function served(read: ReturnType<typeof reader>["read"], msAfterReady: number) {
  const now = () => runs.readyAt + msAfterReady;
  const found = await whenServed(() => beforeAfter(read, facts, ["api"], runs, now(), 10), runs, {
    now,
    everyMs: 1,
    signal: new AbortController().signal,
  });
  if ("tooShort" in found) throw new Error("compared nothing");
  return found;
}

describe("an app's RED before and after a restart", () => {
  it("reads each run from one lag after it got ready, and only the app's services", async () => {
    const { read, asked } = reader((time) =>
      time * 1000 === runs.before.to
        ? [op("api", "GET /items", 500, FAST), op("other", "GET /", 500, FAST)]
        : [op("api", "GET /items", 500, SLOW), op("other", "GET /", 500, SLOW)],
    );
    const now = T + 91_000;
    const report = await beforeAfter(read, facts, ["api"], runs, now, 10);
    const lag = lagMs(facts);
    expect(lag).toBe(3500);
    expect(asked).toEqual([
      {
        selection: { spanKind: "server", windowSeconds: Math.floor((60_000 - lag) / 1000) },
        time: runs.before.to / 1000,
      },
      {
        selection: { spanKind: "server", windowSeconds: Math.floor((30_000 - lag) / 1000) },
        time: now / 1000,
      },
    ]);
    expect("tooShort" in report).toBe(false);
    if ("tooShort" in report) return;
    expect(report.operations.map((o) => [o.service, o.operation, o.significant])).toEqual([
      ["api", "GET /items", true],
    ]);
  });

  it("says which run was too short to hold a window of two scrapes", async () => {
    const { read } = reader(() => []);
    const brief: Runs = { before: { from: T, to: T + 5_000 }, readyAt: T + 6_000 };
    expect(await beforeAfter(read, facts, ["api"], brief, T + 60_000, 10)).toEqual({
      tooShort: "before",
    });
    expect(await beforeAfter(read, facts, ["api"], runs, runs.readyAt + 5_000, 10)).toEqual({
      tooShort: "after",
    });
  });

  it("waits until what had enough requests before has as many after", async () => {
    let after = 3;
    const { read } = reader((time) =>
      time * 1000 === runs.before.to
        ? [op("api", "GET /items", 50, FAST), op("api", "POST /rare", 2, FAST)]
        : [op("api", "GET /items", after++, FAST)],
    );
    const found = await served(read, 30_000);
    expect(servedEnough(found)).toBe(true);
    expect(found.operations.find((o) => o.operation === "GET /items")!.requests.after).toBe(10);
  });

  it("gives up waiting after a while and returns what there is", async () => {
    const { read } = reader((time) => [
      op("api", "GET /items", time * 1000 === runs.before.to ? 50 : 2, FAST),
    ]);
    const found = await served(read, 121_000);
    expect(found.operations[0]!.status).toBe("too-few-requests");
  });
});

import { describe, expect, it } from "vitest";

import type { Clock } from "./clock.js";
import { waitUntil } from "./wait.js";

function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe("waitUntil", () => {
  it("retries until the check passes", async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await waitUntil(async () => ({ ok: ++calls === 3, detail: `try ${calls}` }), {
      timeoutMs: 10_000,
      intervalMs: 100,
      clock,
    });
    expect(result).toEqual({ ok: true, detail: "try 3" });
    expect(clock.slept).toEqual([100, 100]);
  });

  it("gives up at the deadline with the last result", async () => {
    const clock = fakeClock();
    const result = await waitUntil(async () => ({ ok: false, detail: "HTTP 503" }), {
      timeoutMs: 250,
      intervalMs: 100,
      clock,
    });
    expect(result).toEqual({ ok: false, detail: "HTTP 503" });
    expect(clock.slept).toEqual([100, 100, 50]);
  });

  it("stops when the signal aborts", async () => {
    const controller = new AbortController();
    controller.abort(new Error("interrupted"));
    await expect(
      waitUntil(async () => ({ ok: false, detail: "" }), {
        timeoutMs: 1000,
        intervalMs: 100,
        clock: fakeClock(),
        signal: controller.signal,
      }),
    ).rejects.toThrow("interrupted");
  });
});

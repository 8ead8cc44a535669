import { describe, expect, it } from "vitest";

import { whilePinging } from "./while-pinging.js";

const engine = (ping: () => Promise<void>) => ({ ping });

describe("whilePinging", () => {
  it("sends the work without waiting for the ping", async () => {
    let answer = () => {};
    const pinged = new Promise<void>((resolve) => (answer = resolve));
    let started = false;
    const run = whilePinging(
      engine(() => pinged),
      async () => {
        started = true;
        return 7;
      },
    );
    expect(started).toBe(true);
    answer();
    await expect(run).resolves.toBe(7);
  });

  it("throws the ping's error when the engine does not answer, even if the work failed first", async () => {
    const run = whilePinging(
      engine(() => new Promise((_, fail) => setTimeout(() => fail(new Error("no engine")), 10))),
      () => Promise.reject(new Error("connect ENOENT")),
    );
    await expect(run).rejects.toThrow("no engine");
  });

  it("throws the work's error when the engine answers", async () => {
    const run = whilePinging(
      engine(async () => {}),
      () => Promise.reject(new Error("denied")),
    );
    await expect(run).rejects.toThrow("denied");
  });
});

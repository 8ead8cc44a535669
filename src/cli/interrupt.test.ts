import { afterEach, describe, expect, it, vi } from "vitest";

import { onInterrupt } from "./interrupt.js";

/** The handler onInterrupt installed, called as a Ctrl-C would. */
const ctrlC = () => (process.listeners("SIGINT").at(-1) as () => void)();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("onInterrupt", () => {
  it("aborts with what is left on the first Ctrl-C, and exits 1 if the cleanup hangs", () => {
    vi.useFakeTimers();
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const interrupt = onInterrupt("while testing", "run it again", { cleanupMs: 1000 });
    ctrlC();
    expect(interrupt.signal.reason).toMatchObject({
      message: "interrupted while testing",
      hint: "run it again",
      code: "interrupted",
    });
    vi.advanceTimersByTime(999);
    expect(exit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
    interrupt.dispose();
  });

  it("runs onForce on the second Ctrl-C, then exits 130; a third does not wait", async () => {
    vi.useFakeTimers();
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    let finish = () => {};
    const onForce = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const interrupt = onInterrupt("while testing", "", { onForce });
    ctrlC();
    ctrlC();
    expect(onForce).toHaveBeenCalledOnce();
    expect(exit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(130));
    ctrlC();
    expect(exit).toHaveBeenCalledTimes(2);
    interrupt.dispose();
  });

  it("exits 130 at once on the second Ctrl-C without onForce, and lets go on dispose", () => {
    vi.useFakeTimers();
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const before = process.listenerCount("SIGINT");
    const interrupt = onInterrupt("while testing", "");
    ctrlC();
    ctrlC();
    expect(exit).toHaveBeenCalledWith(130);
    interrupt.dispose();
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});

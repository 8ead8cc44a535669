import { describe, expect, it } from "vitest";

import { GiniError } from "../errors.js";
import type { StartedApp } from "./app.js";
import { killApps, superviseApps } from "./supervise.js";

/** A started app whose end the test decides; records how it was stopped. */
function fakeApp(name: string, watched = true) {
  let end: (how: string) => void = () => {};
  const stops: (number | undefined)[] = [];
  const app: StartedApp = {
    name,
    url: null,
    id: watched ? { pid: 1 } : { container: "c0ffee" },
    kept: false,
    exited: watched ? new Promise<string>((resolve) => (end = resolve)) : undefined,
    waitReady: async () => 0,
    stop: async (graceMs) => void stops.push(graceMs),
    lastLines: async (count) => [`${name}: last ${count}`],
  };
  return { app, stops, end: (how: string) => end(how) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("superviseApps", () => {
  it("reports an app that exits on its own; Ctrl-C then stops only the ones still running", async () => {
    const api = fakeApp("api");
    const ui = fakeApp("ui");
    const exits: unknown[][] = [];
    const ctrlC = new AbortController();
    const watching = superviseApps([api.app, ui.app], ctrlC.signal, (...e) => exits.push(e));
    api.end("code 3");
    await tick();
    expect(exits).toEqual([["api", "code 3", ["api: last 10"]]]);
    ctrlC.abort();
    await watching;
    expect(api.stops).toEqual([]);
    expect(ui.stops).toEqual([undefined]);
  });

  it("fails once every app has exited", async () => {
    const api = fakeApp("api");
    const watching = superviseApps([api.app], new AbortController().signal, () => {});
    api.end("signal SIGKILL");
    const err = await watching.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GiniError);
    expect((err as GiniError).message).toBe("every app has exited");
  });

  it("waits for Ctrl-C while a container app runs, and leaves the container alone", async () => {
    const api = fakeApp("api");
    const sidecar = fakeApp("sidecar", false);
    const ctrlC = new AbortController();
    const watching = superviseApps([api.app, sidecar.app], ctrlC.signal, () => {});
    api.end("code 0");
    await tick();
    ctrlC.abort();
    await expect(watching).resolves.toBeUndefined();
    expect(sidecar.stops).toEqual([]);
  });
});

describe("killApps", () => {
  it("stops the watched apps at once, without grace", async () => {
    const api = fakeApp("api");
    const sidecar = fakeApp("sidecar", false);
    await killApps([api.app, sidecar.app]);
    expect(api.stops).toEqual([0]);
    expect(sidecar.stops).toEqual([]);
  });
});

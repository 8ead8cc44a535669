import { describe, expect, it } from "vitest";

import { GiniError } from "../errors.js";
import { startOrder } from "./start-order.js";

function failure(fn: () => unknown): GiniError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GiniError) return err;
    throw err;
  }
  throw new Error("expected a GiniError");
}

describe("startOrder", () => {
  it("puts independent apps in one wave, in gini.yaml order", () => {
    expect(startOrder({ b: {}, a: {}, c: {} })).toEqual([["b", "a", "c"]]);
  });

  it("starts dependencies in earlier waves", () => {
    const waves = startOrder({
      ui: { depends_on: ["api", "auth"] },
      api: { depends_on: ["db"] },
      db: {},
      auth: {},
      worker: { depends_on: ["db"] },
    });
    expect(waves).toEqual([["db", "auth"], ["api", "worker"], ["ui"]]);
  });

  it("treats stack services as already running", () => {
    expect(startOrder({ api: { depends_on: ["otel-collector", "jaeger"] } })).toEqual([["api"]]);
  });

  it("returns no waves for no apps", () => {
    expect(startOrder({})).toEqual([]);
  });

  it("rejects a dependency on an unknown app, naming it and the known apps", () => {
    const err = failure(() => startOrder({ ui: { depends_on: ["apx"] }, api: {} }));
    expect(err.message).toBe('apps.ui.depends_on: unknown app "apx"');
    expect(err.hint).toContain("ui, api");
  });

  it("names a cycle", () => {
    const err = failure(() =>
      startOrder({
        db: {},
        a: { depends_on: ["db", "b"] },
        b: { depends_on: ["c"] },
        c: { depends_on: ["a"] },
        d: { depends_on: ["a"] },
      }),
    );
    expect(err.message).toBe("apps.a.depends_on: dependency cycle a → b → c → a");
  });

  it("names a cycle reached through an app outside it", () => {
    const err = failure(() =>
      startOrder({ d: { depends_on: ["a"] }, a: { depends_on: ["b"] }, b: { depends_on: ["a"] } }),
    );
    expect(err.message).toContain("a → b → a");
  });

  it("names an app that depends on itself", () => {
    expect(failure(() => startOrder({ api: { depends_on: ["api"] } })).message).toContain(
      "api → api",
    );
  });
});

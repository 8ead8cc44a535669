import { afterEach, describe, expect, it } from "vitest";

import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import { appServices } from "./index.js";
import { fakePrometheus } from "./red.fake.js";

afterEach(removeProjectFixtures);

describe("appServices", () => {
  it("lists each app's services from the gini_app label", async () => {
    const { deps, queries } = fakePrometheus({
      apps: { shop: ["checkout", "cart"], api: ["api"] },
    });
    expect(await appServices(fixtureProject(), "localhost", deps)).toEqual({
      shop: ["cart", "checkout"],
      api: ["api"],
    });
    expect(queries).toEqual([
      'count by (gini_app, service_name) (traces_span_metrics_calls_total{gini_app!=""})',
    ]);
  });

  it("cannot say when Prometheus does not answer", async () => {
    expect(
      await appServices(fixtureProject(), "localhost", fakePrometheus({ down: true }).deps),
    ).toBeUndefined();
  });
});

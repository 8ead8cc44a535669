import { afterEach, describe, expect, it } from "vitest";

import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import { realTracesDeps } from "./real-deps.js";

afterEach(removeProjectFixtures);

describe("the apps' services for the default search", () => {
  const data = {
    apps: {
      shop: { command: "x" },
      api: { command: "y", env: { OTEL_SERVICE_NAME: "my-api" } },
    },
  };

  it("takes an app's services from the gini_app label, else its service name", async () => {
    const deps = realTracesDeps(fixtureProject({ data }), "localhost", async () => ({
      shop: ["cart", "checkout"],
    }));
    expect(await deps.appServices()).toEqual(["cart", "checkout", "my-api"]);
  });

  it("falls back to the service names when Prometheus cannot say", async () => {
    const down = () => Promise.reject(new Error("down"));
    const deps = realTracesDeps(fixtureProject({ data }), "localhost", down);
    expect(await deps.appServices()).toEqual(["shop", "my-api"]);
  });
});

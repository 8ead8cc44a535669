import { describe, expect, it } from "vitest";

import { emptyReason, searchHeading } from "./messages.js";
import { findTraces } from "./search.js";
import { DEMO, fakeTracesDeps } from "./traces.fake.js";

const ALL = { errors: false, limit: 10 };

describe("emptyReason", () => {
  it("says no spans have arrived at all, and how to send some", async () => {
    const search = await findTraces(ALL, fakeTracesDeps({ services: [] }));
    expect(emptyReason(search, ALL)).toEqual({
      message: "no traces yet: Jaeger has received no spans from any service",
      hint: "send your apps some requests (`gini traffic` drives the demo); `gini doctor` checks the path from the apps to Jaeger",
    });
  });

  it("names the services Jaeger knows when --service names another", async () => {
    const filter = { ...ALL, service: "gini-apii" };
    const search = await findTraces(filter, fakeTracesDeps(DEMO));
    expect(emptyReason(search, filter)).toEqual({
      message: "no traces from gini-apii: Jaeger has no spans from a service of that name",
      hint: "Jaeger has spans from gini-api, gini-ui",
    });
  });

  it("says what was searched when none of its traces has an error", async () => {
    const filter = { ...ALL, errors: true };
    const search = await findTraces(filter, fakeTracesDeps({ ...DEMO, searches: {} }));
    expect(emptyReason(search, filter)).toEqual({
      message: "no traces with an error from gini-api, gini-ui in the last 24 hours",
      hint: "Jaeger has spans from gini-api, gini-ui; --service chooses one",
    });
  });
});

describe("searchHeading", () => {
  it("counts the traces and names the services", async () => {
    const search = await findTraces(ALL, fakeTracesDeps(DEMO));
    expect(searchHeading(search, ALL)).toBe("5 traces from gini-api, gini-ui, most recent first");
    const errors = { ...ALL, errors: true };
    expect(searchHeading(await findTraces(errors, fakeTracesDeps(DEMO)), errors)).toBe(
      "1 trace with an error from gini-api, gini-ui, most recent first",
    );
  });
});

import { describe, expect, it } from "vitest";

import { appServicesQuery, servicesByApp, spanMetricNames } from "./index.js";

const names = spanMetricNames({});

describe("which services an app sends", () => {
  it("asks for the calls series that carry gini_app, by app and service", () => {
    expect(appServicesQuery(names)).toBe(
      'count by (gini_app, service_name) (traces_span_metrics_calls_total{gini_app!=""})',
    );
  });

  it("groups the answer by app, each service once and sorted", () => {
    const series: Record<string, string>[] = [
      { gini_app: "shop", service_name: "checkout" },
      { gini_app: "shop", service_name: "cart" },
      { gini_app: "shop", service_name: "cart" },
      { gini_app: "api", service_name: "api" },
      { service_name: "no-app" },
      { gini_app: "empty", service_name: "" },
    ];
    expect(servicesByApp(names, series)).toEqual({ shop: ["cart", "checkout"], api: ["api"] });
  });
});

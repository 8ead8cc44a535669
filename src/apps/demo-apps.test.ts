import { describe, expect, it } from "vitest";

import { startOrder } from "../config/index.js";
import { demoApps } from "./demo-apps.js";

describe("demoApps", () => {
  it("runs the demo API and UI with this Node, API first", () => {
    const apps = demoApps();
    expect(Object.keys(apps)).toEqual(["api", "ui"]);
    expect(apps.api!.command).toMatch(/^'.*node[^']*' '\/.*\/demo\/api\.js'$/);
    expect(apps.api!.command).toContain(process.execPath);
    expect(apps.ui!.command).toMatch(/\/demo\/ui\.js'$/);
    expect(apps.api!.env).toMatchObject({ PORT: "8000", OTEL_SERVICE_NAME: "gini-api" });
    expect(apps.ui!.env).toMatchObject({
      PORT: "7860",
      API_URL: "http://localhost:8000",
      OTEL_SERVICE_NAME: "gini-ui",
    });
    expect(apps.api!.ready).toBe("http://localhost:8000/health");
    expect(apps.ui!.ready).toBe("http://localhost:7860/");
    expect(startOrder(apps)).toEqual([["api"], ["ui"]]);
  });
});

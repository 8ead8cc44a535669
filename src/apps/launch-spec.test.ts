import { describe, expect, it } from "vitest";

import { launchSpec } from "./launch-spec.js";

describe("launchSpec", () => {
  const api = { command: "node api.js", env: { PORT: "8000", A: "1" } };

  it("changes with the command, folder, env or OTLP transport", () => {
    const base = launchSpec(api);
    expect(launchSpec({ ...api, command: "node api2.js" })).not.toBe(base);
    expect(launchSpec({ ...api, cwd: "api" })).not.toBe(base);
    expect(launchSpec({ ...api, env: { PORT: "8001", A: "1" } })).not.toBe(base);
    expect(launchSpec({ ...api, otlp: "http" })).not.toBe(base);
  });

  it("is the same for the same entry written in another order, and for the default transport", () => {
    const base = launchSpec(api);
    expect(launchSpec({ env: { A: "1", PORT: "8000" }, command: "node api.js" })).toBe(base);
    expect(launchSpec({ ...api, otlp: "grpc" })).toBe(base);
  });
});

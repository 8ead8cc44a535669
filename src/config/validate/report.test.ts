import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { removeProjectFixtures } from "../project.fake.js";
import { findingsError, jsonReport, validateOptions } from "./index.js";
import { projectWith } from "./validate.fake.js";

afterEach(removeProjectFixtures);

describe("reports", () => {
  it("jsonReport has a stable shape", async () => {
    const findings = await validateOptions({
      projectDir: projectWith("localhost-bind.config-spm.yaml"),
    });
    const report = jsonReport(findings);
    expect(Object.keys(report)).toEqual(["ok", "errors", "warnings", "findings"]);
    expect(report).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(Object.keys(report.findings[0]!)).toEqual([
      "severity",
      "file",
      "line",
      "column",
      "rule",
      "message",
      "fix",
    ]);
  });

  it("findingsError ignores warnings and names a single error's fix", () => {
    const base = { file: "f.yaml", line: 2, column: 3, rule: "r", message: "m", fix: "do x" };
    expect(findingsError([{ ...base, severity: "warning" }])).toBeUndefined();
    const error = findingsError([{ ...base, severity: "error" }]);
    expect(error?.message).toBe("f.yaml:2:3: m");
    expect(error?.hint).toBe("do x (run `gini validate` to check again)");
  });

  it("an unknown type is only a warning when the collector image is overridden", async () => {
    const dir = projectWith("unknown-component-type.config-spm.yaml");
    writeFileSync(
      join(dir, "gini.yaml"),
      "stack:\n  otel-collector:\n    image: my/collector:1.0\n",
    );
    const findings = await validateOptions({ projectDir: dir });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ["unknown-component-type", "warning"],
    ]);
  });
});

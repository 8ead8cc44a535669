import { symlinkSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { GiniError } from "../../errors.js";
import { readConfigFacts } from "../config-facts.js";
import { loadProject, loadProjectOrDefaults } from "../load.js";
import { BILLION_LAUGHS } from "../model/yaml.fake.js";
import { projectFixture, removeProjectFixtures } from "../project.fake.js";
import { jsonReport, validateOptions } from "./index.js";

afterEach(removeProjectFixtures);

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: unknown) => err,
  );

describe("YAML that only fails when turned into data", () => {
  it.each([
    ["an alias bomb", BILLION_LAUGHS, 2],
    ["an unresolved alias", "name: demo\napps: *apps\n", 2],
  ])("in gini.yaml (%s) stops loadProject with file:line", async (_, text, line) => {
    const dir = projectFixture({ files: { "gini.yaml": text } });
    const error = await failure(loadProject({ projectDir: dir }));
    expect(error).toBeInstanceOf(GiniError);
    expect((error as GiniError).message).toMatch(
      new RegExp(`gini\\.yaml:${line}:\\d+: invalid YAML: `),
    );
  });

  it.each([
    ["gini.yaml", BILLION_LAUGHS],
    ["config-spm.yaml", "receivers: *nowhere\n"],
  ])(
    "in %s is a yaml-syntax finding, in validate --json and doctor's facts",
    async (file, text) => {
      const dir = projectFixture({ files: { [file]: text } });
      const findings = await validateOptions({ projectDir: dir });
      const finding = findings.find((f) => f.rule === "yaml-syntax");
      expect(finding).toMatchObject({ severity: "error" });
      expect(finding!.file.endsWith(file)).toBe(true);
      expect(finding!.line).toBeGreaterThan(0);
      expect(() => JSON.stringify(jsonReport(findings))).not.toThrow();
      await expect(
        readConfigFacts(await loadProjectOrDefaults({ projectDir: dir })),
      ).resolves.toBeTruthy();
    },
  );
});

describe("a gini.yaml symlink whose target is gone", () => {
  it("is an error naming the link and its target, never a project without gini.yaml", async () => {
    const dir = projectFixture();
    symlinkSync("conf/gini.yaml", join(dir, "gini.yaml"));
    const error = (await failure(loadProject({ projectDir: dir }))) as GiniError;
    expect(error).toBeInstanceOf(GiniError);
    expect(error.message).toBe(
      `${join(dir, "gini.yaml")}: a symlink to ${join(dir, "conf/gini.yaml")}, which does not exist`,
    );
    expect(error.hint).toMatch(/restore the file it points to/);
    const findings = await validateOptions({ projectDir: dir });
    expect(findings[0]).toMatchObject({ rule: "file-refused", line: 1 });
  });
});

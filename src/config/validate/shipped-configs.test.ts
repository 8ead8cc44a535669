import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";

import { get, GINI_APP_ATTRIBUTE, spanMetricsConnectors } from "../model/index.js";
import { removeProjectFixtures, ROOT } from "../project.fake.js";
import { validateOptions } from "./index.js";
import { projectWith } from "./validate.fake.js";

afterEach(removeProjectFixtures);

describe("the shipped configs", () => {
  it("validate clean: no error, no warning", async () => {
    expect(await validateOptions({ projectDir: projectWith() })).toEqual([]);
  });

  it("validate clean with the commented gini.yaml template", async () => {
    const dir = projectWith();
    cpSync(join(ROOT, "templates/gini.yaml"), join(dir, "gini.yaml"));
    expect(await validateOptions({ projectDir: dir })).toEqual([]);
  });

  it("record gini.app as a span-metrics dimension, the label that says which app sent a service", () => {
    const collector: unknown = parse(readFileSync(join(ROOT, "config-spm.yaml"), "utf8"));
    const connector = spanMetricsConnectors(collector)[0]!;
    expect(get(collector, "connectors", connector, "dimensions")).toContainEqual({
      name: GINI_APP_ATTRIBUTE,
    });
  });
});

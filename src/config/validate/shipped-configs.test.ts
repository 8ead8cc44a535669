import { cpSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { removeProjectFixtures, ROOT } from "../../../test/helpers/project-fixture.js";
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
});

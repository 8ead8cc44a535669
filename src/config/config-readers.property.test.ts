import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";

import { readConfigFacts } from "./config-facts.js";
import {
  expectGiniError,
  expectLocated,
  mutate,
  mutation,
  SHIPPED,
  yamlishText,
} from "./config-readers.fake.js";
import { checkGiniFile } from "./gini-file-problems.js";
import { loadProject, loadProjectOrDefaults } from "./load.js";
import { parseYaml } from "./model/yaml-file.js";
import { tempFolder } from "./project.fake.js";
import { validateOptions } from "./validate/index.js";

/** Longest one generated case may take: a hang or a blow-up shows as a failure, not a stall. */
const CASE_DEADLINE_MS = 2000;
const dir = tempFolder("gini-prop-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `body` and fails when it takes longer than the deadline. */
async function withinDeadline(body: () => Promise<void> | void): Promise<void> {
  const started = performance.now();
  await body();
  expect(performance.now() - started).toBeLessThan(CASE_DEADLINE_MS);
}

/** Writes the project's files (the shipped ones with `changes` over them) and checks every reader. */
async function checkProject(changes: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries({ ...SHIPPED, ...changes })) {
    writeFileSync(join(dir, file), text);
  }
  const findings = await validateOptions({ projectDir: dir });
  expectLocated(findings);
  await loadProject({ projectDir: dir }).catch((err: unknown) => expectGiniError(err, "gini.yaml"));
  await readConfigFacts(await loadProjectOrDefaults({ projectDir: dir }));
}

// The time limit keeps the suite bounded on a slow machine; each case has its own deadline above.
const runs = (numRuns: number) => ({ numRuns, interruptAfterTimeLimit: 6000 });

describe("the config readers on generated input", () => {
  it("parse YAML-ish text into data that can be located, or a problem with a line", () => {
    fc.assert(
      fc.property(yamlishText, (text) => {
        const started = performance.now();
        const result = parseYaml("x.yaml", text);
        if ("problem" in result) {
          expect(result).toMatchObject({ problem: "syntax" });
          expect(result.problem === "syntax" && result.line).toBeGreaterThanOrEqual(1);
        } else {
          expect(result.locate(["a", 0, "b"]).line).toBeGreaterThanOrEqual(1);
          checkGiniFile(result.data);
        }
        expect(performance.now() - started).toBeLessThan(CASE_DEADLINE_MS);
      }),
      runs(3000),
    );
  }, 20_000);

  it("check any JSON-like value written as gini.yaml, with located findings", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), (value) =>
        withinDeadline(() => checkProject({ "gini.yaml": stringify(value) })),
      ),
      runs(100),
    );
  }, 20_000);

  it("check mutations of the shipped configs and a full gini.yaml", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(SHIPPED)),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (file, mutations) =>
          withinDeadline(() =>
            checkProject({
              [file]: mutations.reduce((text, m) => mutate(text, m), SHIPPED[file]!),
            }),
          ),
      ),
      runs(150),
    );
  }, 20_000);

  it("parse many more mutations, checking gini.yaml's schema on what parses", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(SHIPPED)),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (file, mutations) => {
          const text = mutations.reduce((t, m) => mutate(t, m), SHIPPED[file]!);
          const started = performance.now();
          const result = parseYaml(file, text);
          if (!("problem" in result)) checkGiniFile(result.data);
          else expect(result.problem === "syntax" && result.line).toBeGreaterThanOrEqual(1);
          expect(performance.now() - started).toBeLessThan(CASE_DEADLINE_MS);
        },
      ),
      runs(1500),
    );
  }, 20_000);
});

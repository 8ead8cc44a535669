/** Test support for the validate tests: fixture projects, and where a fixture's lines are. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { projectFixture, ROOT } from "../project.fake.js";
import type { Finding } from "./index.js";

const FIXTURES = join(ROOT, "test/fixtures/configs");

/** A project with the shipped configs, each named fixture replacing its target file. */
export const projectWith = (...fixtures: string[]): string => projectFixture({ fixtures });

/**
 * 1-based line of the first line of the fixture containing `needle`, comments skipped unless it is
 * one; with `after`, the first such line below the first line that is exactly `after`.
 */
export function lineOf(fixture: string, needle: string, after?: string): number {
  const lines = readFileSync(join(FIXTURES, fixture), "utf8").split("\n");
  const from = after === undefined ? 0 : lines.indexOf(after) + 1;
  const index = lines.findIndex(
    (l, i) =>
      i >= from && l.includes(needle) && (needle.startsWith("#") || !l.trimStart().startsWith("#")),
  );
  if (index < 0) throw new Error(`${needle} not in ${fixture}`);
  return index + 1;
}

/** The distinct rules of the findings, sorted. */
export const rules = (findings: Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();
/** The findings that are errors. */
export const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");

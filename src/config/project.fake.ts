import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

import { type Project, projectFrom } from "./load.js";
import type { GiniFile } from "./schema.js";

/** The repository root, where the shipped configs live. */
export const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/configs");
const SHIPPED = ["config-spm.yaml", "config-jaeger.yaml", "prometheus.yml"];
const created: string[] = [];

/** What a project fixture holds beyond copies of the three shipped configs. */
export interface FixtureOptions {
  /** The folder's name, which is the project's name when gini.yaml gives none. */
  name?: string;
  /**
   * Files from test/fixtures/configs named `<case>.<target file>`, each replacing its target
   * (`.broken` at the end keeps an unparseable fixture away from prettier).
   */
  fixtures?: string[];
  /** More files to write, by path relative to the project folder. */
  files?: Record<string, string>;
  /** A folder between the temporary one and the project's, e.g. one with a ':' in its name. */
  under?: string;
}

/**
 * The one way tests make a project: a fresh folder named `name` holding copies of the shipped
 * configs, with fixtures and files laid over them. Returns the folder.
 */
export function projectFixture(options: FixtureOptions = {}): string {
  const parent = tempFolder("gini-test-");
  const dir = join(parent, options.under ?? "", options.name ?? "gini-it");
  mkdirSync(dir, { recursive: true });
  for (const file of SHIPPED) cpSync(join(ROOT, file), join(dir, file));
  for (const fixture of options.fixtures ?? []) {
    const target = fixture.slice(fixture.indexOf(".") + 1).replace(/\.broken$/, "");
    cpSync(join(FIXTURES, fixture), join(dir, target));
  }
  for (const [path, text] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A project fixture as gini loads it, with gini.yaml's settings given as data (no file). */
export function fixtureProject(options: FixtureOptions & { data?: GiniFile } = {}): Project {
  return projectFrom(projectFixture(options), undefined, options.data ?? {});
}

/**
 * A fresh temporary folder, removed with the project fixtures: after each test file by the setup
 * both vitest projects run (test/setup/remove-fixtures.ts), or by a test's own afterEach.
 */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every fixture folder made so far (for an afterEach). */
export function removeProjectFixtures(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

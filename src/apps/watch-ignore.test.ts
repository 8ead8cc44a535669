import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { projectFixture, removeProjectFixtures } from "../config/project.fake.js";
import { watchIgnore } from "./watch-ignore.js";

afterEach(removeProjectFixtures);

describe("what a change under up --watch does not restart", () => {
  const dir = () =>
    projectFixture({
      files: {
        ".gitignore": "*.log\nbuild/\n",
        "api/.gitignore": "tmp/\n",
        "api/src/server.js": "",
      },
    });

  it("leaves .git, node_modules and .gini out wherever they are", () => {
    const project = dir();
    const ignored = watchIgnore(project, join(project, "api"));
    expect(ignored(join(project, "api/node_modules/x/index.js"))).toBe(true);
    expect(ignored(join(project, ".gini/logs/api.log"))).toBe(true);
    expect(ignored(join(project, "api/.git/HEAD"))).toBe(true);
    expect(ignored(join(project, "api/src/server.js"))).toBe(false);
  });

  it("applies the .gitignore files from the project folder down to the app's cwd", () => {
    const project = dir();
    const ignored = watchIgnore(project, join(project, "api"));
    expect(ignored(join(project, "api/debug.log"))).toBe(true);
    expect(ignored(join(project, "api/tmp"), true)).toBe(true);
    expect(ignored(join(project, "api/src/tmp.js"))).toBe(false);
    // A folder-only pattern does not match a file of that name.
    expect(ignored(join(project, "api/build"), true)).toBe(true);
    expect(ignored(join(project, "api/build"), false)).toBe(false);
  });

  it("adds the app's ignore: patterns, relative to its cwd", () => {
    const project = dir();
    mkdirSync(join(project, "api/fixtures"));
    writeFileSync(join(project, "api/fixtures/a.json"), "{}");
    const ignored = watchIgnore(project, join(project, "api"), ["fixtures/", "*.md"]);
    expect(ignored(join(project, "api/fixtures"), true)).toBe(true);
    expect(ignored(join(project, "api/README.md"))).toBe(true);
    // Outside the cwd, its patterns do not apply.
    expect(ignored(join(project, "README.md"))).toBe(false);
  });

  it("watches what watch: names even when a .gitignore lists it, but not what ignore: lists", () => {
    const project = dir();
    const build = join(project, "api/build");
    const ignored = watchIgnore(project, join(project, "api"), ["*.map"], [build]);
    expect(ignored(build, true)).toBe(false);
    expect(ignored(join(build, "server.js"))).toBe(false);
    expect(ignored(join(build, "server.js.map"))).toBe(true);
    expect(ignored(join(build, "node_modules/x.js"))).toBe(true);
    expect(ignored(join(project, "api/debug.log"))).toBe(true);
  });
});

import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { ensureGiniDir } from "./gini-dir.js";
import { projectFixture, removeProjectFixtures, tempFolder } from "./project.fake.js";

afterEach(removeProjectFixtures);

/** A folder outside the project that a link in `.gini` points at. */
function outside(): string {
  const dir = tempFolder("gini-outside-");
  mkdirSync(join(dir, "shared"));
  chmodSync(join(dir, "shared"), 0o1777);
  writeFileSync(join(dir, "victim"), "theirs\n", { mode: 0o644 });
  return dir;
}
const mode = (path: string) => statSync(path).mode & 0o7777;

describe("ensureGiniDir", () => {
  it("makes .gini and its folder private, with a .gitignore of its own", async () => {
    const dir = projectFixture();
    await ensureGiniDir(dir, "logs");
    expect(mode(join(dir, ".gini"))).toBe(0o700);
    expect(mode(join(dir, ".gini/logs"))).toBe(0o700);
    expect(readFileSync(join(dir, ".gini/.gitignore"), "utf8")).toBe("# written by gini\n*\n");
  });

  it("refuses a .gini that is a link, leaving the folder it points at as it was", async () => {
    const dir = projectFixture();
    const other = outside();
    symlinkSync(join(other, "shared"), join(dir, ".gini"));
    await expect(ensureGiniDir(dir, "logs")).rejects.toMatchObject({
      message: ".gini is a symbolic link: gini keeps its own files there and does not follow links",
      hint: "remove the link (rm .gini); gini creates what it needs in the project folder",
    });
    expect(mode(join(other, "shared"))).toBe(0o1777);
  });

  it("refuses links inside .gini: its folder, its .gitignore", async () => {
    const dir = projectFixture();
    const other = outside();
    mkdirSync(join(dir, ".gini"));
    symlinkSync(join(other, "victim"), join(dir, ".gini/.gitignore"));
    await expect(ensureGiniDir(dir, "logs")).rejects.toThrow(/^\.gini\/\.gitignore is a symbolic/);
    expect(readFileSync(join(other, "victim"), "utf8")).toBe("theirs\n");
    expect(mode(join(other, "victim"))).toBe(0o644);
    symlinkSync(join(other, "shared"), join(dir, ".gini/baselines"));
    await expect(ensureGiniDir(dir, "baselines")).rejects.toThrow(/^\.gini\/baselines is a symb/);
    expect(mode(join(other, "shared"))).toBe(0o1777);
  });
});

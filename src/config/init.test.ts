import { existsSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";

import { initProject, packageRoot } from "./init.js";
import { tempFolder } from "./project.fake.js";
import { giniFileSchema } from "./schema.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FILES = ["config-spm.yaml", "config-jaeger.yaml", "prometheus.yml", "gini.yaml"];
const dirs: string[] = [];
const tempDir = () => {
  const dir = tempFolder("gini-init-");
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("gini init", () => {
  it("finds the package root from its own location", () => {
    expect(packageRoot()).toBe(ROOT);
  });

  it("writes the shipped configs and the gini.yaml template", async () => {
    const dir = tempDir();
    const results = await initProject(dir);
    expect(results.map((r) => [r.path, r.action])).toEqual(
      FILES.map((f) => [join(dir, f), "written"]),
    );
    expect(readFileSync(join(dir, "config-spm.yaml"), "utf8")).toBe(
      readFileSync(join(ROOT, "config-spm.yaml"), "utf8"),
    );
    expect(readFileSync(join(dir, "gini.yaml"), "utf8")).toBe(
      readFileSync(join(ROOT, "templates/gini.yaml"), "utf8"),
    );
  });

  it("never overwrites without --force, and overwrites with it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "prometheus.yml"), "mine\n");
    const results = await initProject(dir);
    expect(results.find((r) => r.path.endsWith("prometheus.yml"))?.action).toBe("skipped");
    expect(readFileSync(join(dir, "prometheus.yml"), "utf8")).toBe("mine\n");
    const forced = await initProject(dir, { force: true });
    expect(forced.map((r) => r.action)).toEqual([
      "overwritten",
      "overwritten",
      "overwritten",
      "overwritten",
    ]);
    expect(readFileSync(join(dir, "prometheus.yml"), "utf8")).not.toBe("mine\n");
  });

  it("never writes through a symlink: skips it, and --force replaces the link itself", async () => {
    const dir = tempDir();
    const outside = join(tempDir(), "precious.yml");
    writeFileSync(outside, "mine\n");
    symlinkSync(outside, join(dir, "prometheus.yml"));
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "gini.yaml"));
    const skipped = await initProject(dir);
    expect(skipped.filter((r) => r.action === "skipped").map((r) => r.path)).toEqual([
      join(dir, "prometheus.yml"),
      join(dir, "gini.yaml"),
    ]);
    const forced = await initProject(dir, { force: true });
    expect(forced.map((r) => r.action)).toEqual(Array(4).fill("overwritten"));
    expect(readFileSync(outside, "utf8")).toBe("mine\n");
    expect(existsSync(join(dir, "nowhere.yaml"))).toBe(false);
    for (const file of ["prometheus.yml", "gini.yaml"]) {
      expect(lstatSync(join(dir, file)).isFile()).toBe(true);
    }
  });

  it("creates a missing project folder and honours --config for gini.yaml's path", async () => {
    const dir = join(tempDir(), "new");
    await initProject(dir, { configFile: "conf/gini.yaml" });
    expect(existsSync(join(dir, "conf/gini.yaml"))).toBe(true);
  });

  it("ships a template that matches the gini.yaml schema", () => {
    const data: unknown = parse(readFileSync(join(ROOT, "templates/gini.yaml"), "utf8")) ?? {};
    expect(giniFileSchema.safeParse(data).success).toBe(true);
  });
});

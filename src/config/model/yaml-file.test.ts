import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { readYamlFile, type YamlFile } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "gini-yaml-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(text: string) {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return readYamlFile(path);
}

describe("readYamlFile", () => {
  it("points at a key by default and at its value on request", async () => {
    const yaml = (await read(
      "# a comment\nstack:\n  jaeger:\n    image: x\nbind: 10.0.0.1\n",
    )) as YamlFile;
    expect(yaml.data).toEqual({ stack: { jaeger: { image: "x" } }, bind: "10.0.0.1" });
    expect(yaml.locate(["bind"])).toEqual({ line: 5, column: 1 });
    expect(yaml.locate(["bind"], "value")).toEqual({ line: 5, column: 7 });
    expect(yaml.locate(["stack", "jaeger"])).toEqual({ line: 3, column: 3 });
    expect(yaml.locate(["stack", "jaeger"], "value")).toEqual({ line: 4, column: 5 });
  });

  it("falls back to the nearest existing parent, or the start of the file", async () => {
    const yaml = (await read("# a comment\napps:\n  api:\n    command: x\n")) as YamlFile;
    expect(yaml.locate(["apps", "api", "ready"])).toEqual({ line: 3, column: 3 });
    expect(yaml.locate(["nothing"])).toEqual({ line: 1, column: 1 });
    expect(yaml.locate([], "value")).toEqual({ line: 2, column: 1 });
  });

  it("returns what went wrong: a missing file, or a syntax error and where", async () => {
    expect(await readYamlFile(join(dir, "none.yaml"))).toEqual({ problem: "missing" });
    expect(await read("a: 1\na: 2\n")).toMatchObject({ problem: "syntax", line: 2, column: 1 });
  });
});

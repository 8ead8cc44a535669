import { execFileSync } from "node:child_process";
import { rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it, vi } from "vitest";

import { tempFolder } from "../project.fake.js";
import { MAX_CONFIG_BYTES, readYamlFile, type YamlFile } from "./index.js";
import { BILLION_LAUGHS } from "./yaml.fake.js";

const dir = tempFolder("gini-yaml-");
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

describe("readYamlFile on what toJS would throw or print", () => {
  it.each([
    ["an alias bomb", BILLION_LAUGHS, /Excessive alias count.*aliases expand too far/, 2, 8],
    ["an unresolved alias", "a: 1\nb: *nowhere\n", /alias \*nowhere names no anchor/, 2, 4],
    ["an alias inside its anchor", "a: 1\nb: &x [1, *x]\n", /inside its own anchor/, 2, 11],
    ["a list as a key", "a: 1\n? [x, y]\n: 1\n", /a list or mapping used as a key/, 2, 3],
    ["an unresolved tag", "a: 1\nb: !!int many\n", /Unresolved tag/, 2, 4],
  ])("returns %s as a syntax problem with its place", async (_, text, reason, line, column) => {
    const stderr = vi.spyOn(process.stderr, "write");
    expect(await read(text)).toMatchObject({ problem: "syntax", reason, line, column });
    expect(stderr).not.toHaveBeenCalled();
  });
});

describe("readYamlFile on what is not a small regular file", () => {
  const refusal = (reason: RegExp): unknown => ({
    problem: "refused",
    reason: expect.stringMatching(reason) as unknown,
    hint: expect.any(String) as unknown,
  });

  it("names a broken symlink and its target", async () => {
    const link = join(dir, "dangling.yaml");
    symlinkSync("gone.yaml", link);
    expect(await readYamlFile(link)).toEqual(
      refusal(new RegExp(`a symlink to ${join(dir, "gone.yaml")}, which does not exist`)),
    );
  });

  it("refuses a FIFO at once instead of waiting for a writer", async () => {
    const fifo = join(dir, "fifo.yaml");
    execFileSync("mkfifo", [fifo]);
    expect(await readYamlFile(fifo)).toEqual(refusal(/a FIFO \(named pipe\), not a regular file/));
  });

  it("refuses a device, a folder and a file over the limit before reading them", async () => {
    expect(await readYamlFile("/dev/zero")).toEqual(refusal(/a device, not a regular file/));
    expect(await readYamlFile(dir)).toEqual(refusal(/a folder, not a regular file/));
    const big = join(dir, "big.yaml");
    writeFileSync(big, `a: "${"x".repeat(MAX_CONFIG_BYTES)}"\n`);
    expect(await readYamlFile(big)).toEqual(refusal(/larger than gini's limit of 1 MiB/));
  });
});

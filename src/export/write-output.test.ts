import { execFileSync } from "node:child_process";
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";

import { tempFolder } from "../config/project.fake.js";
import { toYaml, writeOwnedFile, writeOwnedFolder, WRITTEN_BY } from "./write-output.js";

const folder = () => tempFolder("gini-export-");

describe("toYaml", () => {
  it("keeps a header line with a line break inside the comment", () => {
    const text = toYaml([{ services: {} }], [`${WRITTEN_BY.slice(2)} for project a\ninclude: [x]`]);
    expect(text.split("\n")[0]).toBe("# Written by gini export for project a\\ninclude: [x]");
    expect(parseDocument(text).toJS()).toEqual({ services: {} });
  });
});

describe("writeOwnedFile", () => {
  it("writes to what is not a file, such as a pipe, without reading it first", async () => {
    const fifo = join(folder(), "pipe");
    execFileSync("mkfifo", [fifo]);
    const read = new Promise<string>((resolve) => {
      let text = "";
      createReadStream(fifo, "utf8")
        .on("data", (chunk) => (text += String(chunk)))
        .on("end", () => resolve(text));
    });
    await writeOwnedFile(fifo, `${WRITTEN_BY} compose\n`);
    expect(await read).toBe(`${WRITTEN_BY} compose\n`);
  });
});

describe("writeOwnedFolder", () => {
  it("removes only what an earlier export of the same kind wrote: a compose export stays", async () => {
    const dir = folder();
    writeFileSync(join(dir, "stack.yml"), `${WRITTEN_BY} compose for project a.\n`);
    writeFileSync(join(dir, "namespace.yaml"), `${WRITTEN_BY} kubernetes for project a.\n`);
    writeFileSync(join(dir, "mine.yaml"), "kind: Mine\n");
    const mark = `${WRITTEN_BY} kubernetes`;
    await writeOwnedFolder(
      dir,
      new Map([["kustomization.yaml", `${mark} for project a.\n`]]),
      mark,
    );
    expect((await readdir(dir)).sort()).toEqual(["kustomization.yaml", "mine.yaml", "stack.yml"]);
    expect(readFileSync(join(dir, "stack.yml"), "utf8")).toContain("compose");
  });
});

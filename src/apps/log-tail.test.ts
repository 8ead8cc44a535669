import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { tempFolder } from "../config/project.fake.js";
import { eachLine, followLog, tailLines } from "./log-tail.js";

const file = (text?: string) => {
  const path = join(tempFolder("gini-log-"), "api.log");
  if (text !== undefined) writeFileSync(path, text);
  return path;
};

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("tailLines", () => {
  it("returns the last lines", async () => {
    expect(await tailLines(file("a\nb\nc\n"), 2)).toEqual(["b", "c"]);
    expect(await tailLines(file("a\nb\nc"), 2)).toEqual(["b", "c"]);
    expect(await tailLines(file("a\nb\n"), 10)).toEqual(["a", "b"]);
    expect(await tailLines(file("a\n"), 0)).toEqual([]);
    expect(await tailLines(file(""), 3)).toEqual([]);
  });

  it("returns nothing for a missing file", async () => {
    expect(await tailLines(file(), 5)).toEqual([]);
  });

  it("reads only the end of a big log, across chunk borders", async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `line ${i} ${"x".repeat(20)}`);
    const path = file(lines.join("\n") + "\n");
    expect(await tailLines(path, 3)).toEqual(lines.slice(-3));
    expect(await tailLines(path, 4000)).toEqual(lines.slice(-4000));
  });
});

describe("reading across chunk borders", () => {
  const texts = [
    "a\nb\nc\n",
    "a\nb\nc",
    "\n\nx\n\n",
    "\n",
    "",
    "one long line without an end",
    "héllo wörld ✓\n日本語のログ\nlast 🙂\n",
    Array.from({ length: 40 }, (_, i) => `line ${i} ${"é".repeat(i % 7)}`).join("\n") + "\n",
  ];
  // What splitting the whole text gives: the lines, without an empty one after a final newline.
  const expected = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

  it.each(texts.map((t) => [t]))("gives the same lines as splitting %j", async (text) => {
    const path = file(text);
    const lines = expected(text);
    for (const chunkBytes of [1, 2, 3, 5, 64 * 1024]) {
      const all: string[] = [];
      await eachLine(path, (line) => all.push(line), { chunkBytes });
      expect(all, `eachLine, chunks of ${chunkBytes}`).toEqual(lines);
      for (const n of [1, 2, 3, lines.length + 5]) {
        expect(
          await tailLines(path, n, { chunkBytes }),
          `tail ${n}, chunks of ${chunkBytes}`,
        ).toEqual(lines.slice(-n));
      }
    }
  });

  it("stops at `end`", async () => {
    const path = file("one\ntwo\nthree\n");
    const all: string[] = [];
    await eachLine(path, (line) => all.push(line), { end: 8, chunkBytes: 3 });
    expect(all).toEqual(["one", "two"]);
    expect(await tailLines(path, 5, { end: 8, chunkBytes: 3 })).toEqual(["one", "two"]);
  });

  it("reads nothing of a missing file", async () => {
    const all: string[] = [];
    await eachLine(file(), (line) => all.push(line));
    expect(all).toEqual([]);
  });
});

describe("followLog", () => {
  it("reports appended lines, joining partial writes, until aborted", async () => {
    const path = file("old\n");
    const seen: string[] = [];
    const stop = new AbortController();
    const following = followLog(path, (line) => seen.push(line), stop.signal, { pollMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    appendFileSync(path, "new 1\nnew ");
    await until(() => seen.length >= 1);
    appendFileSync(path, "2\n");
    await until(() => seen.length >= 2);
    stop.abort();
    await following;
    expect(seen).toEqual(["new 1", "new 2"]);
  });

  it("loses nothing between a tail and a follow that starts where the tail ended", async () => {
    const path = file("one\ntwo\n");
    const end = 8;
    appendFileSync(path, "three\n"); // written after the tail's snapshot, before following
    expect(await tailLines(path, 10, { end })).toEqual(["one", "two"]);
    const seen: string[] = [];
    const stop = new AbortController();
    const following = followLog(path, (line) => seen.push(line), stop.signal, {
      from: end,
      pollMs: 10,
    });
    await until(() => seen.length >= 1);
    stop.abort();
    await following;
    expect(seen).toEqual(["three"]);
  });

  it("waits for a missing file and starts over when the file shrinks", async () => {
    const path = file();
    const seen: string[] = [];
    const stop = new AbortController();
    const following = followLog(path, (line) => seen.push(line), stop.signal, { pollMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    writeFileSync(path, "first run, a long line\n");
    await until(() => seen.length >= 1);
    writeFileSync(path, "second\n");
    await until(() => seen.length >= 2);
    stop.abort();
    await following;
    expect(seen).toEqual(["first run, a long line", "second"]);
  });

  it("can start from the beginning", async () => {
    const path = file("a\nb\n");
    const seen: string[] = [];
    const stop = new AbortController();
    const following = followLog(path, (line) => seen.push(line), stop.signal, {
      fromStart: true,
      pollMs: 10,
    });
    await until(() => seen.length >= 2);
    stop.abort();
    await following;
    expect(seen).toEqual(["a", "b"]);
  });
});

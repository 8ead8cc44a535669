// The map in ARCHITECTURE.md, checked: which folder may import which (its table's "may import"
// column, read here, so the table is the rule), only through its public entry (index.ts), and no
// file over the size limit. Tests and fakes may reach internals.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

import { describe, expect, it } from "vitest";

const SRC = import.meta.dirname;
const ARCHITECTURE = join(SRC, "..", "ARCHITECTURE.md");

const HEADER = /^\|\s*folder\s*\|\s*owns\s*\|\s*may import\s*\|$/;

/**
 * The folder table of ARCHITECTURE.md as folder → the folders it may import: its header row
 * `| folder | owns | may import |`, a separator, then one row per folder, "`name/`" first and
 * the imports last ("a, b" or "nothing"). Throws, naming the line, on anything else.
 */
function allowedImports(markdown: string): Record<string, string[]> {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => HEADER.test(l.trim()));
  const fail = (line: number, why: string) =>
    new Error(`ARCHITECTURE.md:${line + 1}: ${why} (the folder table is what this test checks)`);
  if (start < 0) throw fail(0, "no table with the header | folder | owns | may import |");
  if (!/^\|(\s*:?-{3,}:?\s*\|){3}$/.test(lines[start + 1]?.trim() ?? "")) {
    throw fail(start + 1, "the folder table's header is not followed by | --- | --- | --- |");
  }
  const table: Record<string, string[]> = {};
  for (let i = start + 2; i < lines.length && lines[i]!.trim().startsWith("|"); i++) {
    const row = lines[i]!.trim();
    const folder = /^\|\s*`([a-z]+)\/`\s*\|/.exec(row)?.[1];
    const imports = /\|\s*([^|]*?)\s*\|$/.exec(row)?.[1];
    if (!folder) throw fail(i, 'a row does not start with a folder such as "| `cli/` |"');
    if (imports === undefined || !/^(nothing|[a-z]+(, [a-z]+)*)$/.test(imports)) {
      throw fail(i, `${folder}/: "may import" is not "nothing" or "a, b, c": "${imports ?? ""}"`);
    }
    if (table[folder]) throw fail(i, `${folder}/ has two rows`);
    table[folder] = imports === "nothing" ? [] : imports.split(", ");
  }
  const unknown = Object.values(table)
    .flat()
    .filter((to) => !(to in table));
  if (unknown.length > 0)
    throw fail(start, `may import folders without a row: ${unknown.join(", ")}`);
  if (Object.keys(table).length === 0) throw fail(start, "the folder table has no rows");
  return table;
}

/** Who may import whom: a folder's imports must stay within this list (cli → … → text). */
const MAY_IMPORT = allowedImports(readFileSync(ARCHITECTURE, "utf8"));

/** Folders entered only through their index.ts, innermost first. */
const UNITS = ["config/detect", "config/model", "config/validate", ...Object.keys(MAY_IMPORT)];

/**
 * Public entries that are not an index.ts: tracing's is the package export `gini-spm/tracing`;
 * red's method.ts is what `--help` says of significance, importing nothing.
 */
const OTHER_ENTRIES = ["tracing/setup-tracing.ts", "red/method.ts"];

const sources = readdirSync(SRC, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts") && !/\.(test|fake)\.ts$/.test(f))
  .map((f) => f.replaceAll("\\", "/"));

/** The outermost folder with a public entry that holds `target` but not `file`, if any. */
const entered = (file: string, target: string) =>
  [...UNITS]
    .sort((a, b) => a.length - b.length)
    .find((u) => target.startsWith(`${u}/`) && !file.startsWith(`${u}/`));
const topOf = (file: string) => (file.includes("/") ? file.split("/")[0]! : undefined);

/** Every relative module a file imports (static, dynamic, or in a type), as a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const specs = [...text.matchAll(/(?:from |import\(|import )"(\.[^"]+)"/g)].map((m) => m[1]!);
  return specs.map((s) =>
    relative(SRC, resolve(dirname(join(SRC, file)), s)).replace(/\.js$/, ".ts"),
  );
}

describe("the architecture", () => {
  it("imports another folder only through its public entry", () => {
    const reaching = sources.flatMap((file) =>
      importsOf(file)
        .filter((target) => {
          const unit = entered(file, target);
          return unit && target !== `${unit}/index.ts` && !OTHER_ENTRIES.includes(target);
        })
        .map((target) => `${file} → ${target}`),
    );
    expect(reaching).toEqual([]);
  });

  it("has a row in ARCHITECTURE.md's table for every folder under src/", () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !(f in MAY_IMPORT))).toEqual([]);
    expect(Object.keys(MAY_IMPORT).filter((f) => !folders.includes(f))).toEqual([]);
  });

  it("imports only in the allowed direction", () => {
    const against = sources.flatMap((file) => {
      const from = topOf(file);
      if (!from) return [];
      return importsOf(file)
        .map(topOf)
        .filter((to): to is string => to !== undefined && to !== from)
        .filter((to) => !MAY_IMPORT[from]?.includes(to))
        .map((to) => `${file} → ${to}`);
    });
    expect(against).toEqual([]);
  });

  it("lets commands load other folders lazily, so every command starts fast", () => {
    // A static value import on the path from the program to a command's action would load its
    // folder (dockerode, zod, yaml, ...) on every command; types, the text helpers and red's
    // import-free method text are free.
    const staticImports = (file: string) =>
      [...readFileSync(join(SRC, file), "utf8").matchAll(/^import (?!type )[^;]*?"(\.[^"]+)"/gms)]
        .map((m) => m[1]!)
        .map((s) => relative(SRC, resolve(dirname(join(SRC, file)), s)).replace(/\.js$/, ".ts"));
    const seen = new Set<string>();
    const eager: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const target of staticImports(file)) {
        if (target.startsWith("cli/")) visit(target);
        else if (!["text/index.ts", "errors.ts", "red/method.ts"].includes(target))
          eager.push(`${file} → ${target}`);
      }
    };
    visit("cli/program.ts");
    expect(eager).toEqual([]);
  });

  it("loads dockerode only when a client first talks to the engine", () => {
    // dockerode and docker-modem are over a megabyte of bundle; the stack and doctor import the
    // docker folder eagerly, so only a dynamic import inside the client keeps it off their path.
    const eager = sources.filter((f) =>
      /^import (?!type )[^;]*?"dockerode"/ms.test(readFileSync(join(SRC, f), "utf8")),
    );
    expect(eager).toEqual([]);
  });

  it("keeps every source file under 300 lines", () => {
    const long = sources.filter((f) => readFileSync(join(SRC, f), "utf8").split("\n").length > 300);
    expect(long).toEqual([]);
  });
});

describe("reading the folder table of ARCHITECTURE.md", () => {
  const table = (...rows: string[]) =>
    ["# map", "", "| folder | owns | may import |", "| --- | --- | --- |", ...rows, ""].join("\n");

  it("reads each folder's imports, and nothing as none", () => {
    const md = table(
      "| `cli/` | commands | apps, text |",
      "| `apps/` | x | text |",
      "| `text/` | words | nothing |",
    );
    expect(allowedImports(md)).toEqual({
      cli: ["apps", "text"],
      apps: ["text"],
      text: [],
    });
  });

  it("fails naming the line when the table is missing or malformed", () => {
    expect(() => allowedImports("# map\n\nno table\n")).toThrow(
      "ARCHITECTURE.md:1: no table with the header | folder | owns | may import |",
    );
    expect(() => allowedImports(table("| cli | x | text |", "| `text/` | x | nothing |"))).toThrow(
      'ARCHITECTURE.md:5: a row does not start with a folder such as "| `cli/` |"',
    );
    expect(() => allowedImports(table("| `cli/` | x | text and apps |"))).toThrow(
      'ARCHITECTURE.md:5: cli/: "may import" is not "nothing" or "a, b, c": "text and apps"',
    );
    expect(() => allowedImports(table("| `cli/` | x | text |"))).toThrow(
      "may import folders without a row: text",
    );
    expect(() => allowedImports(table())).toThrow("the folder table has no rows");
  });
});

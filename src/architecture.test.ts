// The map in ARCHITECTURE.md, checked: which folder may import which, only through its public
// entry (index.ts), and no file over the size limit. Tests and fakes may reach internals.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

import { describe, expect, it } from "vitest";

const SRC = import.meta.dirname;

/** Who may import whom: a folder's imports must stay within this list (cli → … → text). */
const MAY_IMPORT: Record<string, string[]> = {
  cli: ["apps", "config", "demo", "doctor", "export", "mcp", "red", "stack", "text", "traces"],
  mcp: [],
  export: ["apps", "config", "stack", "text"],
  doctor: ["apps", "config", "docker", "health", "stack", "text"],
  traces: ["apps", "config", "health", "stack", "text"],
  apps: ["config", "docker", "health", "stack", "text"],
  red: ["config", "health", "text"],
  stack: ["config", "docker", "health", "text"],
  demo: ["health", "text", "tracing"],
  config: ["text"],
  docker: ["text"],
  health: ["text"],
  text: [],
  tracing: [],
};

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

// Every link a reader can follow in the repository's Markdown, and every docs page a message of
// gini names, leads somewhere: relative links to files that exist, anchors to headings that exist
// (as GitHub slugs them). External links are not fetched: this runs without a network.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

const docs = readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".md"))
  .map((f) => `docs/${f.replaceAll("\\", "/")}`);
const PAGES = ["README.md", "CONTRIBUTING.md", "ARCHITECTURE.md", ...docs];

/** The text outside fenced code blocks, where Markdown is Markdown. */
function prose(text: string): string[] {
  let fence: string | undefined;
  return text.split("\n").filter((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return false;
    }
    return !fence;
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as `-`. */
function slug(heading: string): string {
  const text = heading
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "");
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a page's headings, a repeated one numbered as GitHub does (`-1`, `-2`). */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of prose(readFileSync(join(ROOT, file), "utf8"))) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n ? `${base}-${n}` : base);
  }
  return result;
}

/** The targets of a page's inline links and images, outside code. */
function links(file: string): string[] {
  const text = prose(readFileSync(join(ROOT, file), "utf8"))
    .join("\n")
    .replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (m) => m[1]!,
  );
}

/** Why a link of `file` leads nowhere, or undefined when it resolves. */
function broken(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const [path = "", anchor] = target.split("#", 2);
  const to = path ? relative(ROOT, join(ROOT, dirname(file), decodeURI(path))) : file;
  if (!existsSync(join(ROOT, to))) return `${to} does not exist`;
  if (anchor === undefined || !to.endsWith(".md")) return undefined;
  const wanted = decodeURIComponent(anchor).toLowerCase();
  return anchors(to).has(wanted) ? undefined : `${to} has no heading #${wanted}`;
}

describe("the documentation's links", () => {
  it("finds the pages and their links", () => {
    expect(docs).toContain("docs/README.md");
    expect(links("README.md").length).toBeGreaterThan(10);
  });

  it.each(PAGES)("%s links only to files and headings that exist", (file) => {
    const bad = links(file).flatMap((target) => {
      const why = broken(file, target);
      return why ? [`${target}: ${why}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it("slugs headings as GitHub does", () => {
    expect(slug("gini.yaml")).toBe("giniyaml");
    expect(slug("While you code: `gini up --watch`")).toBe("while-you-code-gini-up---watch");
    expect(slug("Tracing a Node app: `gini-spm/tracing`")).toBe(
      "tracing-a-node-app-gini-spmtracing",
    );
    expect(slug("What the [tests](x.md) cover")).toBe("what-the-tests-cover");
  });

  it("names in gini's messages only docs pages that exist", () => {
    const sources = readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".ts") && !/\.(test|fake)\.ts$/.test(f),
    );
    const missing = sources.flatMap((f) => {
      const text = readFileSync(join(ROOT, "src", f), "utf8");
      return [...text.matchAll(/\bdocs\/[\w./-]*\.md\b/g)]
        .map((m) => m[0])
        .filter((path) => !existsSync(join(ROOT, path)))
        .map((path) => `src/${f}: ${path}`);
    });
    expect(missing).toEqual([]);
  });
});

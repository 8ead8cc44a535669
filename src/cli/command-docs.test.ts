// The docs pages say what `--help` says: each page's generated block must be what the commander
// definitions produce now, so an option added without `npm run docs` fails here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { Command } from "commander";
import { describe, expect, it } from "vitest";

import {
  BLOCK_END,
  BLOCK_START,
  commandPages,
  generatedBlock,
  renderCommandBlock,
  withBlock,
} from "./command-docs.js";
import { buildProgram } from "./program.js";

const ROOT = join(import.meta.dirname, "../..");
const pages = commandPages(buildProgram());

describe("the docs pages generated from the commands", () => {
  it.each(pages)("$file holds the block its command's --help gives", ({ file, block }) => {
    const path = join(ROOT, file);
    expect(existsSync(path), `${file} is missing: run \`npm run docs\``).toBe(true);
    const found = generatedBlock(readFileSync(path, "utf8"));
    expect(found, `${file} differs from the commander definitions: run \`npm run docs\``).toBe(
      block,
    );
  });

  it("has a page for no command that does not exist", () => {
    const known = pages.map((p) => p.file);
    const stale = readdirSync(join(ROOT, "docs/commands"))
      .map((f) => `docs/commands/${f}`)
      .filter((f) => !known.includes(f));
    expect(stale).toEqual([]);
  });
});

describe("renderCommandBlock", () => {
  const cmd = new Command("gini")
    .command("demo")
    .description("a <thing> | more")
    .argument("[names...]", "which ones")
    .option("--rps <n>", "requests per second", "5")
    .addHelpText("after", "\nSome words after.");

  it("renders usage, description, arguments, options with defaults and the text after", () => {
    const block = renderCommandBlock(cmd);
    expect(block.startsWith(BLOCK_START) && block.endsWith(BLOCK_END)).toBe(true);
    expect(block).toContain("gini demo [options] [names...]");
    expect(block).toContain("a &lt;thing&gt; \\| more");
    expect(block).toContain("| `names` | which ones |");
    expect(block).toContain('| `--rps <n>` | requests per second (default: "5") |');
    expect(block).toContain("```text\nSome words after.\n```");
  });

  it("replaces only the block of a page, and adds one to a page without it", () => {
    const block = renderCommandBlock(cmd);
    const page = `# gini demo\n\n${BLOCK_START}\nold\n${BLOCK_END}\n\nProse.\n`;
    expect(withBlock(page, "# gini demo", block)).toBe(`# gini demo\n\n${block}\n\nProse.\n`);
    expect(withBlock("", "# gini demo", block)).toBe(`# gini demo\n\n${block}\n`);
    expect(withBlock("# gini demo\n\nProse.\n", "# gini demo", block)).toBe(
      `# gini demo\n\n${block}\n\nProse.\n`,
    );
  });
});

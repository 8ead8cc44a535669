import type { Command } from "commander";

/** The markers around the part of a docs page that `npm run docs` writes. */
export const BLOCK_START = "<!-- generated:options start -->";
export const BLOCK_END = "<!-- generated:options end -->";

const NOTICE =
  "<!-- Written by `npm run docs` from the commander definitions in src/cli/: edit those, not this block. -->";

/** A docs page and the generated block it must hold. */
export interface CommandPage {
  /** Relative to the repository root, with `/`. */
  file: string;
  /** Used as the first line of a page the generator creates. */
  title: string;
  block: string;
}

/**
 * Text for a Markdown table cell: `|` would end the cell, and `<word>` outside a code span
 * would be taken for an HTML tag and vanish on GitHub.
 */
function cell(text: string): string {
  return text
    .split("`")
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, "&lt;").replace(/>/g, "&gt;")))
    .join("`")
    .replace(/\|/g, "\\|");
}

/** A code span for a table cell. */
const code = (text: string) => `\`${text.replace(/\|/g, "\\|")}\``;

/**
 * What `addHelpText("after", …)` adds below the options in `--help`: commander keeps it only as
 * a listener, so the whole help is printed into a string and the part after the options kept.
 */
function afterHelp(cmd: Command): string {
  const saved = cmd.configureOutput();
  let out = "";
  cmd.configureOutput({ writeOut: (s) => (out += s), getOutHasColors: () => false });
  try {
    cmd.outputHelp();
    const main = cmd.helpInformation();
    const at = out.indexOf(main);
    if (at < 0) throw new Error(`the help of ${fullName(cmd)} printed two different ways`);
    return out.slice(at + main.length).trim();
  } finally {
    cmd.configureOutput(saved);
  }
}

/** The usage line and the description, as `--help` starts. */
function usage(cmd: Command): string[] {
  return ["```text", cmd.createHelp().commandUsage(cmd), "```", "", cell(cmd.description()), ""];
}

/** The options as `--help` lists them, with their defaults and choices. */
function optionTable(cmd: Command, heading = "option"): string[] {
  const help = cmd.createHelp();
  const rows = help
    .visibleOptions(cmd)
    .map((o) => `| ${code(help.optionTerm(o))} | ${cell(help.optionDescription(o))} |`);
  return [`| ${heading} | description |`, "| --- | --- |", ...rows];
}

/** Usage, description, arguments, options and the text after them, as `--help` prints them. */
function helpSection(cmd: Command): string[] {
  const help = cmd.createHelp();
  const lines = usage(cmd);
  const args = help.visibleArguments(cmd);
  if (args.length) {
    lines.push("| argument | description |", "| --- | --- |");
    for (const a of args) {
      lines.push(`| ${code(help.argumentTerm(a))} | ${cell(help.argumentDescription(a))} |`);
    }
    lines.push("");
  }
  lines.push(...optionTable(cmd));
  const after = afterHelp(cmd);
  if (after) lines.push("", "```text", after, "```");
  return lines;
}

/** `gini export compose`: the command's name after its ancestors'. */
const fullName = (cmd: Command): string =>
  cmd.parent ? `${fullName(cmd.parent)} ${cmd.name()}` : cmd.name();

const wrap = (lines: string[]) => [BLOCK_START, NOTICE, "", ...lines, BLOCK_END].join("\n");

/** The generated block of a command's page: the command, then each of its subcommands. */
export function renderCommandBlock(cmd: Command): string {
  const lines = helpSection(cmd);
  for (const sub of cmd.commands) {
    lines.push("", `**${fullName(sub)}**`, "", ...helpSection(sub));
  }
  lines.push("", "The [global options](../README.md#global-options) apply too.");
  return wrap(lines);
}

/** The generated block of the docs index: the program's usage, commands and global options. */
function renderProgramBlock(program: Command): string {
  const lines = [...usage(program), "| command | description |", "| --- | --- |"];
  for (const cmd of program.commands) {
    lines.push(
      `| [\`${fullName(cmd)}\`](commands/${cmd.name()}.md) | ${cell(cmd.description())} |`,
    );
  }
  lines.push("", "## Global options", "", ...optionTable(program, "global option"));
  return wrap(lines);
}

/** Every page with a generated block: the docs index and one page per command. */
export function commandPages(program: Command): CommandPage[] {
  return [
    { file: "docs/README.md", title: "# gini's documentation", block: renderProgramBlock(program) },
    ...program.commands.map((cmd) => ({
      file: `docs/commands/${cmd.name()}.md`,
      title: `# gini ${cmd.name()}`,
      block: renderCommandBlock(cmd),
    })),
  ];
}

/** The generated block of a page, markers included, or undefined when it has none. */
export function generatedBlock(page: string): string | undefined {
  const start = page.indexOf(BLOCK_START);
  const end = page.indexOf(BLOCK_END, start);
  return start < 0 || end < 0 ? undefined : page.slice(start, end + BLOCK_END.length);
}

/**
 * The page with its generated block replaced by `block`; a page without one (or a new, empty
 * page) gets it under its title, and the hand-written prose stays as it is.
 */
export function withBlock(page: string, title: string, block: string): string {
  const old = generatedBlock(page);
  if (old !== undefined) return page.replace(old, () => block);
  const rest = page.startsWith(`${title}\n`) ? page.slice(title.length + 1) : page;
  return `${title}\n\n${block}\n${rest ? `\n${rest.replace(/^\n+/, "")}` : ""}`;
}

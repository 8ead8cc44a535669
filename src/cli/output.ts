import chalk, { type ChalkInstance } from "chalk";

/** Turns colour off for --no-color and NO_COLOR, on top of chalk's own TTY detection. */
export function configureColor(enabled: boolean): void {
  if (!enabled || process.env.NO_COLOR) chalk.level = 0;
}

const PREFIX_COLORS: ChalkInstance[] = [
  chalk.cyan,
  chalk.magenta,
  chalk.yellow,
  chalk.green,
  chalk.blue,
];

/** A stable colour per name, so `[jaeger]` has the same colour in every command. */
export function prefix(name: string, index: number, width = 0): string {
  const color = PREFIX_COLORS[index % PREFIX_COLORS.length]!;
  return color(`[${name}]`.padEnd(width + 2));
}

/** Writes a line to stdout. */
export function say(line = ""): void {
  process.stdout.write(line + "\n");
}

/** Writes a progress/status line to stderr, so stdout stays clean for --json and logs. */
export function note(line: string): void {
  process.stderr.write(line + "\n");
}

export const ok = (s: string): string => chalk.green(s);
export const warn = (s: string): string => chalk.yellow(s);
export const bad = (s: string): string => chalk.red(s);
export const dim = (s: string): string => chalk.dim(s);
export const bold = (s: string): string => chalk.bold(s);

/** Prints a warning, which does not fail the command, and what to do about it. */
export function printWarning(text: string, hint?: string): void {
  process.stderr.write(`${chalk.yellow(text)}\n`);
  if (hint) process.stderr.write(`${chalk.dim("hint:")} ${hint}\n`);
}

/** Prints a failure as gini's contract says: one line of what and where, then the hint. */
export function printError(
  message: string,
  hint: string | undefined,
  details: string[] = [],
): void {
  process.stderr.write(`${chalk.red("error:")} ${message}\n`);
  for (const line of details) process.stderr.write(chalk.dim(`  | ${line}`) + "\n");
  if (hint) process.stderr.write(`${chalk.dim("hint:")} ${hint}\n`);
}

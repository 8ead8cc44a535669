// How a detached app's exit code outlives gini: nobody waits for a detached app, so its shell
// writes the code to the app's log as a last line, and `gini status` reads it back from there.

const MARK = "--- gini: exited with code";

/**
 * The command a detached app runs: the user's command in a subshell (so its own `exit` or `exec`
 * ends only that), then a line with its exit status. A stop by `gini down` signals the whole
 * process group, this shell included, so a stopped app writes none.
 */
// The mark goes through printf's arguments: a format that starts with "-" is an option to dash's.
export function withExitMark(command: string): string {
  return `(\n${command}\n)\n__gini_status=$?\nprintf '%s %s\\n' '${MARK}' "$__gini_status"\nexit "$__gini_status"`;
}

/** What the log's last lines say of how the app ended: its exit code, and its own last lines. */
export function readExitMark(lines: readonly string[]): {
  exitCode: number | null;
  lastLines: string[];
} {
  // An app whose last output had no newline gets the mark at the end of that line.
  const at = lines.findLastIndex((l) => l.includes(MARK));
  const exitCode =
    at === -1 ? null : Number(lines[at]!.slice(lines[at]!.indexOf(MARK) + MARK.length));
  const ends =
    at === -1 ? lines : [...lines.slice(0, at), lines[at]!.slice(0, lines[at]!.indexOf(MARK))];
  const own = ends.filter((l) => l !== "" && !l.startsWith("--- gini:"));
  return { exitCode: Number.isInteger(exitCode) ? exitCode : null, lastLines: own.slice(-5) };
}

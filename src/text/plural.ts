/** "1 warning", "2 warnings": a count with its noun. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${pluralS(n)}`;
}

/** The "s" a noun takes after `n` ("port" + pluralS(2)); for messages where the count sits apart. */
export function pluralS(n: number): string {
  return n === 1 ? "" : "s";
}

/**
 * Text from outside gini (span, service and operation names, attribute and label values, error
 * messages) made safe for a terminal: control characters, which could move the cursor, rewrite
 * the title or hide output, are shown escaped (`\n`, `\t`, `\x1b`, `\u009b`). `--json` needs
 * none of this: JSON escapes them itself.
 */
export function printable(text: string): string {
  // C0 controls, DEL, C1 controls (0x9b is a one-byte CSI), and the line and paragraph separators.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, escape);
}

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return (
    NAMED[c] ??
    (code < 0x80
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`)
  );
}

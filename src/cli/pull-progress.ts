import type { PullEvent } from "../stack/index.js";
import { dim } from "./output.js";

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/**
 * Draws pull progress on stderr: one line per image, redrawn in place on a TTY; otherwise a plain
 * line whenever an image's status changes.
 */
export function pullRenderer(stream: NodeJS.WriteStream = process.stderr): (e: PullEvent) => void {
  const lines = new Map<string, string>();
  const lastStatus = new Map<string, string>();
  let drawn = 0;
  return ({ image, progress }) => {
    const bytes = progress.total ? ` ${mb(progress.current ?? 0)}/${mb(progress.total)}` : "";
    const text = `pulling ${image}: ${progress.status}${bytes}`;
    if (!stream.isTTY) {
      if (lastStatus.get(image) !== progress.status) stream.write(dim(text) + "\n");
      lastStatus.set(image, progress.status);
      return;
    }
    lines.set(image, text);
    if (drawn > 0) stream.write(`\x1b[${drawn}A`);
    for (const line of lines.values())
      stream.write(`\x1b[2K${dim(line.slice(0, (stream.columns || 80) - 1))}\n`);
    drawn = lines.size;
  };
}

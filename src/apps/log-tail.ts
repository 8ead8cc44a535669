import { open, stat } from "node:fs/promises";

/** Bytes read per step when scanning a log backwards. */
const CHUNK = 64 * 1024;

/**
 * The last `n` lines of a log file, up to byte `end` (default: its current size); [] when it
 * does not exist (the app never ran).
 */
export async function tailLines(file: string, n: number, end?: number): Promise<string[]> {
  if (n <= 0) return [];
  let handle;
  try {
    handle = await open(file, "r");
  } catch {
    return [];
  }
  try {
    const size = end ?? (await handle.stat()).size;
    // Read backwards until n+1 newlines are in hand, so big logs cost only their tail.
    let start = size;
    let buffer = Buffer.alloc(0);
    let newlines = 0;
    while (start > 0 && newlines <= n) {
      const length = Math.min(CHUNK, start);
      start -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, start);
      for (const byte of chunk) if (byte === 10) newlines++;
      buffer = Buffer.concat([chunk, buffer]);
    }
    const lines = buffer.toString("utf8").split("\n");
    if (lines.at(-1) === "") lines.pop();
    return lines.slice(-n);
  } finally {
    await handle.close();
  }
}

/** How {@link followLog} starts and polls. */
export interface FollowOptions {
  /** Start at the current end (default, after printing a tail) or at 0 for the whole file. */
  fromStart?: boolean;
  /** Start at this byte offset instead (wins over fromStart): where a tail stopped reading. */
  from?: number;
  pollMs?: number;
}

/**
 * Calls `onLine` for each line appended to the file until `signal` aborts (then resolves).
 * Polls the size rather than using fs.watch, which misses appends on some filesystems; a file
 * that shrinks (truncated or replaced by a new run) is read again from its start, and a file
 * that does not exist yet is waited for.
 */
export async function followLog(
  file: string,
  onLine: (line: string) => void,
  signal: AbortSignal,
  { fromStart = false, from, pollMs = 250 }: FollowOptions = {},
): Promise<void> {
  const sizeOf = async () => (await stat(file).catch(() => undefined))?.size ?? 0;
  let position = from ?? (fromStart ? 0 : await sizeOf());
  let partial = "";
  while (!signal.aborted) {
    const size = await sizeOf();
    if (size < position) {
      position = 0;
      partial = "";
    }
    if (size > position) {
      const handle = await open(file, "r");
      try {
        const chunk = Buffer.alloc(size - position);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
        position += bytesRead;
        const lines = (partial + chunk.subarray(0, bytesRead).toString("utf8")).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) onLine(line);
      } finally {
        await handle.close();
      }
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      signal.addEventListener("abort", done, { once: true });
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
    });
  }
}

import { type FileHandle, open, stat } from "node:fs/promises";

/** Bytes read per step: memory stays at a chunk plus the lines asked for, whatever the log's size. */
const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/** Where {@link tailLines} and {@link eachLine} stop, and the seam tests use to cross chunks. */
export interface ReadOptions {
  /** Read up to this byte (default: the current size), so a follow can start exactly there. */
  end?: number;
  /** Bytes per read; tests make it tiny so lines and characters straddle chunk borders. */
  chunkBytes?: number;
}

/** Runs `use` on the open file; a file that does not exist (the app never ran) gives `missing`. */
async function withFile<T>(
  file: string,
  missing: T,
  use: (f: FileHandle) => Promise<T>,
): Promise<T> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch {
    return missing;
  }
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

/**
 * The last `n` lines of a log file, read backwards a chunk at a time until `n` lines are in hand:
 * the cost is the tail's, not the file's. Lines are decoded whole, so a character split across
 * chunks survives.
 */
export function tailLines(file: string, n: number, options: ReadOptions = {}): Promise<string[]> {
  if (n <= 0) return Promise.resolve([]);
  const { chunkBytes = CHUNK } = options;
  return withFile(file, [], async (handle) => {
    const size = options.end ?? (await handle.stat()).size;
    const lines: string[] = []; // newest first
    let pieces: Buffer[] = []; // the line being put together, in file order
    let position = size;
    while (position > 0 && lines.length < n) {
      const length = Math.min(chunkBytes, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, position);
      let stop = length;
      let i = chunk.lastIndexOf(NEWLINE);
      while (i !== -1 && lines.length < n) {
        // The file's last newline ends its last line; it starts no empty one after it.
        if (position + i !== size - 1) {
          const line = chunk.subarray(i + 1, stop);
          lines.push((pieces.length ? Buffer.concat([line, ...pieces]) : line).toString("utf8"));
          pieces = [];
        }
        stop = i;
        i = i === 0 ? -1 : chunk.lastIndexOf(NEWLINE, i - 1); // an offset of -1 means the end
      }
      pieces.unshift(chunk.subarray(0, stop));
    }
    if (position === 0 && lines.length < n && size > 0) {
      lines.push(Buffer.concat(pieces).toString("utf8"));
    }
    return lines.reverse();
  });
}

/** Every line of a log file, from its start to `end`, a chunk at a time. */
export function eachLine(
  file: string,
  onLine: (line: string) => void,
  options: ReadOptions = {},
): Promise<void> {
  const { chunkBytes = CHUNK } = options;
  return withFile(file, undefined, async (handle) => {
    const size = options.end ?? (await handle.stat()).size;
    let pieces: Buffer[] = []; // the start of a line the last chunk cut
    for (let position = 0; position < size;) {
      const chunk = Buffer.alloc(Math.min(chunkBytes, size - position));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break; // the file shrank while being read
      position += bytesRead;
      const data = chunk.subarray(0, bytesRead);
      let from = 0;
      for (let i = data.indexOf(NEWLINE); i !== -1; i = data.indexOf(NEWLINE, from)) {
        const line = data.subarray(from, i);
        onLine((pieces.length ? Buffer.concat([...pieces, line]) : line).toString("utf8"));
        pieces = [];
        from = i + 1;
      }
      if (from < data.length) pieces.push(data.subarray(from));
    }
    if (pieces.length) onLine(Buffer.concat(pieces).toString("utf8"));
  });
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

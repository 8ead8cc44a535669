import { constants, type Stats } from "node:fs";
import { type FileHandle, lstat, open, readlink } from "node:fs/promises";
import { resolve } from "node:path";

/**
 * The largest config file gini reads: the shipped ones are a few KB, so anything near this is the
 * wrong file, and reading it whole would cost memory for nothing.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config file gini will not read, with why and what to do. */
interface Refusal {
  problem: "refused";
  /** What is wrong with the path, e.g. "a FIFO, not a regular file". */
  reason: string;
  hint: string;
}

/** Why a config file gave no text. */
export type ReadProblem =
  { problem: "missing" } | { problem: "unreadable"; reason: string } | Refusal;

const refused = (reason: string, hint: string): Refusal => ({ problem: "refused", reason, hint });

/**
 * Reads a config file as UTF-8, refusing anything but a regular file of at most MAX_CONFIG_BYTES
 * before reading it: a FIFO would block forever, /dev/zero never ends. The checks are made on the
 * opened file itself, so the path cannot be swapped between check and read.
 */
export async function readConfigText(path: string): Promise<{ text: string } | ReadProblem> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait for one.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return (await brokenLink(path)) ?? { problem: "missing" };
    // A socket cannot be opened at all (ENXIO): still say what it is.
    const info = await lstat(path).catch(() => undefined);
    if (info && !info.isFile() && !info.isSymbolicLink()) return notAFile(info);
    return { problem: "unreadable", reason: (err as Error).message };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return notAFile(info);
    if (info.size > MAX_CONFIG_BYTES) return tooLarge(`${info.size} bytes`);
    // The file may grow after the stat: read at most one byte past the limit to notice.
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > MAX_CONFIG_BYTES) return tooLarge("it grew while being read");
    }
    return { text: buffer.toString("utf8", 0, size) };
  } catch (err) {
    return { problem: "unreadable", reason: (err as Error).message };
  } finally {
    await handle.close();
  }
}

/** A symlink whose target does not exist, named with its target; undefined for anything else. */
async function brokenLink(path: string): Promise<Refusal | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isSymbolicLink()) return undefined;
  const target = await readlink(path).catch(() => "?");
  return refused(
    `a symlink to ${resolve(path, "..", target)}, which does not exist`,
    "restore the file it points to, or replace the link with the file itself",
  );
}

function notAFile(info: Stats): Refusal {
  const kind = info.isDirectory()
    ? "a folder"
    : info.isFIFO()
      ? "a FIFO (named pipe)"
      : info.isCharacterDevice() || info.isBlockDevice()
        ? "a device"
        : info.isSocket()
          ? "a socket"
          : "something else";
  return refused(
    `${kind}, not a regular file`,
    "point it at a regular file (gini reads config files whole, before anything starts)",
  );
}

function tooLarge(detail: string): Refusal {
  return refused(
    `larger than gini's limit of ${MAX_CONFIG_BYTES / 1024 / 1024} MiB for a config file (${detail})`,
    "a config file is a few KB: check that the path names the right file",
  );
}

import { watch } from "chokidar";

/** How long files must be quiet before a change counts: an editor's save or a `git checkout`. */
const QUIET_MS = 300;

/** A batch of changes, once the files are quiet. */
export interface FileChange {
  /** The changed paths, absolute, the first one first. */
  files: string[];
  /** When the first of them changed (ms since the epoch). */
  at: number;
}

/** A running watch. */
export interface FileWatch {
  /** Resolves once every watched folder is read: changes before it are not seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches files and folders (recursively) and calls `onChange` once they have been quiet for
 * `quietMs`, with every path that changed, added or went away. Ignored folders are not entered, so
 * a node_modules costs no watches.
 */
export function watchFiles(
  paths: string[],
  ignored: (path: string, isDir?: boolean) => boolean,
  handlers: { onChange: (change: FileChange) => void; onError: (err: Error) => void },
  quietMs = QUIET_MS,
): FileWatch {
  const watcher = watch(paths, {
    ignored: (path, stats) => ignored(path, stats?.isDirectory()),
    ignoreInitial: true,
  });
  let pending: FileChange | undefined;
  let timer: NodeJS.Timeout | undefined;
  watcher.on("all", (_event, path) => {
    pending ??= { files: [], at: Date.now() };
    if (!pending.files.includes(path)) pending.files.push(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const change = pending!;
      pending = undefined;
      handlers.onChange(change);
    }, quietMs);
  });
  watcher.on("error", (err) =>
    handlers.onError(err instanceof Error ? err : new Error(String(err))),
  );
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

// The engine's two streaming calls: an image pull's progress events, and a container's logs.
import type { Readable } from "node:stream";

import type Docker from "dockerode";

import { LogDemuxer } from "./demux.js";
import type { LogLine, LogOptions, PullProgress } from "./types.js";

/** One event of a pull's progress stream, per layer. */
interface PullEvent {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
}

/** Pulls `ref`, reporting the bytes of all layers seen so far as one figure. */
export async function pullWithProgress(
  docker: Docker,
  ref: string,
  onProgress: (progress: PullProgress) => void,
): Promise<void> {
  const stream = (await docker.pull(ref)) as Readable;
  await new Promise<void>((resolve, reject) => {
    const layers = new Map<string, { current: number; total: number }>();
    docker.modem.followProgress(
      stream,
      (err: Error | null) => (err ? reject(err) : resolve()),
      (event: PullEvent) => {
        const detail = event.progressDetail;
        if (event.id && detail?.total)
          layers.set(event.id, { current: detail.current ?? 0, total: detail.total });
        let current = 0;
        let total = 0;
        for (const l of layers.values()) {
          current += l.current;
          total += l.total;
        }
        onProgress({
          status: event.status ?? "",
          ...(total ? { current, total } : {}),
        } satisfies PullProgress);
      },
    );
  });
}

/** Reads a container's logs line by line; with `follow`, until the stream ends or `signal` aborts. */
export async function readLogs(
  docker: Docker,
  id: string,
  options: LogOptions,
  onLine: (line: LogLine) => void,
  signal?: AbortSignal,
): Promise<void> {
  const container = docker.getContainer(id);
  const base = {
    stdout: true,
    stderr: true,
    timestamps: options.timestamps ?? false,
    ...(options.tail !== undefined ? { tail: options.tail } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
  };
  const demux = new LogDemuxer(onLine);
  if (!options.follow) {
    demux.push(await container.logs({ ...base, follow: false }));
    demux.end();
    return;
  }
  const stream = (await container.logs({ ...base, follow: true })) as Readable;
  if (signal?.aborted) {
    stream.destroy();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stop = () => {
      stream.destroy();
      resolve();
    };
    signal?.addEventListener("abort", stop, { once: true });
    stream.on("data", (chunk: Buffer) => demux.push(chunk));
    stream.on("end", () => {
      demux.end();
      resolve();
    });
    stream.on("error", (err) => (signal?.aborted ? resolve() : reject(err)));
  });
}

import type { LogLine } from "./types.js";

/**
 * Splits Docker's multiplexed log stream (8-byte frame headers: stream type, 3 zero bytes,
 * big-endian payload size) into whole lines per stream. Frames and lines may arrive split across
 * chunks, so both are buffered.
 */
export class LogDemuxer {
  private pending: Buffer = Buffer.alloc(0);
  private partial: Record<LogLine["stream"], string> = { stdout: "", stderr: "" };

  constructor(private readonly onLine: (line: LogLine) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) break;
      const stream = this.pending[0] === 2 ? "stderr" : "stdout";
      this.text(stream, this.pending.subarray(8, 8 + size).toString("utf8"));
      this.pending = this.pending.subarray(8 + size);
    }
  }

  /** Emits what is left of unterminated lines. */
  end(): void {
    for (const stream of ["stdout", "stderr"] as const) {
      if (this.partial[stream]) this.onLine({ stream, text: this.partial[stream] });
      this.partial[stream] = "";
    }
  }

  private text(stream: LogLine["stream"], text: string): void {
    const lines = (this.partial[stream] + text).split("\n");
    this.partial[stream] = lines.pop() ?? "";
    for (const line of lines) this.onLine({ stream, text: line.replace(/\r$/, "") });
  }
}

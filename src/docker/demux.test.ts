import { describe, expect, it } from "vitest";

import { LogDemuxer } from "./demux.js";
import type { LogLine } from "./types.js";

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe("LogDemuxer", () => {
  it("splits frames into lines per stream, across chunk boundaries", () => {
    const lines: LogLine[] = [];
    const demux = new LogDemuxer((l) => lines.push(l));
    const all = Buffer.concat([frame(1, "one\ntw"), frame(2, "err\n"), frame(1, "o\nthree")]);
    for (let i = 0; i < all.length; i += 5) demux.push(all.subarray(i, i + 5));
    demux.end();
    expect(lines).toEqual([
      { stream: "stdout", text: "one" },
      { stream: "stderr", text: "err" },
      { stream: "stdout", text: "two" },
      { stream: "stdout", text: "three" },
    ]);
  });
});

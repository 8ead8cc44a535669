import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { tempFolder } from "../config/project.fake.js";
import { findPortOwner, listeningInodes } from "./port-owner.js";
import { counterSum, parsePromText } from "./prom-text.js";

const HEADER =
  "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
// 127.0.0.1:9090 LISTEN (0A), inode 5555; 127.0.0.1:9090 ESTABLISHED (01), inode 6666.
const TCP = [
  HEADER,
  "   0: 0100007F:2382 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5555 1",
  "   1: 0100007F:2382 0100007F:D000 01 00000000:00000000 00:00000000 00000000     0        0 6666 1",
].join("\n");

describe("port owner from /proc", () => {
  it("finds LISTEN sockets of a port", () => {
    expect(listeningInodes(TCP, 9090)).toEqual([5555]);
    expect(listeningInodes(TCP, 4317)).toEqual([]);
  });

  it("maps the socket inode to a pid and its command line", async () => {
    const proc = tempFolder("proc-");
    mkdirSync(join(proc, "net"));
    writeFileSync(join(proc, "net", "tcp"), TCP);
    writeFileSync(join(proc, "net", "tcp6"), HEADER);
    mkdirSync(join(proc, "321", "fd"), { recursive: true });
    symlinkSync("socket:[5555]", join(proc, "321", "fd", "3"));
    writeFileSync(join(proc, "321", "cmdline"), "node\0server.js\0");
    expect(await findPortOwner(9090, proc)).toEqual({ pid: 321, command: "node server.js" });
    expect(await findPortOwner(4317, proc)).toBeUndefined();
  });
});

describe("Prometheus text", () => {
  it("sums counters named with or without _total", () => {
    const samples = parsePromText(
      '# HELP x\notelcol_receiver_accepted_spans_total{receiver="otlp",transport="grpc"} 3\notelcol_receiver_accepted_spans{receiver="otlp/2"} 4\n',
    );
    expect(counterSum(samples, "otelcol_receiver_accepted_spans")).toBe(7);
    expect(counterSum(samples, "otelcol_receiver_refused_spans")).toBeUndefined();
    expect(samples[0]!.labels).toEqual({ receiver: "otlp", transport: "grpc" });
  });
});

/**
 * Peak memory of a container, polled every ~500 ms while the throughput measure runs: from the
 * container's cgroup when this machine can read it (usage minus inactive file cache, as
 * `docker stats` counts it), otherwise from `docker stats --no-stream`.
 */
import { readFile } from "node:fs/promises";

import { docker } from "./proc.js";
import { sleep } from "./stats.js";

const POLL_MS = 500;
const UNITS: Record<string, number> = {
  B: 1,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  kB: 1e3,
  MB: 1e6,
  GB: 1e9,
};

type Reader = () => Promise<number>;

async function statValue(path: string, key: string): Promise<number> {
  const text = await readFile(path, "utf8");
  const m = new RegExp(`^${key} (\\d+)$`, "m").exec(text);
  return m ? Number(m[1]) : 0;
}

/** A cgroup reader for the container, if one of the usual layouts is readable here. */
async function cgroupReader(id: string): Promise<{ read: Reader; source: string } | undefined> {
  const layouts = [
    {
      dir: `/sys/fs/cgroup/memory/docker/${id}`,
      usage: "memory.usage_in_bytes",
      inactive: "total_inactive_file",
    },
    {
      dir: `/sys/fs/cgroup/system.slice/docker-${id}.scope`,
      usage: "memory.current",
      inactive: "inactive_file",
    },
    { dir: `/sys/fs/cgroup/docker/${id}`, usage: "memory.current", inactive: "inactive_file" },
  ];
  for (const l of layouts) {
    const read = async () =>
      Number(await readFile(`${l.dir}/${l.usage}`, "utf8")) -
      (await statValue(`${l.dir}/memory.stat`, l.inactive));
    const first = await read().catch(() => NaN);
    if (first > 0) return { read, source: `the cgroup (${l.usage} − ${l.inactive})` };
  }
  return undefined;
}

function dockerStatsReader(container: string): Reader {
  return async () => {
    const out = await docker("stats", "--no-stream", "--format", "{{.MemUsage}}", container);
    const m = /^([\d.]+)\s*([KMG]i?B|B)/.exec(out);
    if (!m) throw new Error(`docker stats: cannot read "${out}"`);
    return Number(m[1]) * (UNITS[m[2]!] ?? NaN);
  };
}

export class MemoryPoller {
  private peak = 0;
  private samples = 0;
  private running = true;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly read: Reader,
    readonly source: string,
  ) {
    this.loop = this.poll();
  }

  static async start(container: string): Promise<MemoryPoller> {
    const id = await docker("inspect", "--format", "{{.Id}}", container);
    const cgroup = await cgroupReader(id);
    if (cgroup) return new MemoryPoller(cgroup.read, cgroup.source);
    return new MemoryPoller(dockerStatsReader(container), "`docker stats --no-stream`");
  }

  private async poll(): Promise<void> {
    while (this.running) {
      const started = Date.now();
      try {
        this.peak = Math.max(this.peak, await this.read());
        this.samples++;
      } catch {
        // The container may be restarting; the next poll tries again.
      }
      await sleep(Math.max(0, POLL_MS - (Date.now() - started)));
    }
  }

  /** Peak bytes and the number of samples since the last reset; starts a new window. */
  takePeak(): { bytes: number; samples: number } {
    const result = { bytes: this.peak, samples: this.samples };
    this.peak = 0;
    this.samples = 0;
    return result;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

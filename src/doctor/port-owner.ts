import { readdir, readFile, readlink } from "node:fs/promises";
import { join } from "node:path";

/** Who listens on a port: the process when /proc shows it, else only that someone does. */
export interface PortOwner {
  pid?: number;
  /** Its command line, shortened. */
  command?: string;
}

const LISTEN = "0A";

/** The inodes of LISTEN sockets on `port` in a /proc/net/tcp or tcp6 table. */
export function listeningInodes(table: string, port: number): number[] {
  const inodes: number[] = [];
  for (const line of table.split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    const local = f[1];
    if (!local || f[3] !== LISTEN) continue;
    const hexPort = local.slice(local.lastIndexOf(":") + 1);
    if (parseInt(hexPort, 16) === port && f[9]) inodes.push(Number(f[9]));
  }
  return inodes;
}

async function read(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return "";
  }
}

/** The pid holding one of the socket inodes open, scanning /proc/<pid>/fd. */
async function pidOf(proc: string, inodes: Set<number>): Promise<number | undefined> {
  let pids: string[];
  try {
    pids = (await readdir(proc)).filter((n) => /^\d+$/.test(n));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = await readdir(join(proc, pid, "fd"));
    } catch {
      continue; // gone, or another user's process
    }
    for (const fd of fds) {
      const link = await readlink(join(proc, pid, "fd", fd)).catch(() => "");
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m && inodes.has(Number(m[1]))) return Number(pid);
    }
  }
  return undefined;
}

/**
 * Who listens on the TCP port, from /proc/net/tcp{,6} and /proc/<pid>/fd: undefined when no
 * socket listens there (or there is no /proc), an owner without pid when the process is not
 * visible to this user.
 */
export async function findPortOwner(port: number, proc = "/proc"): Promise<PortOwner | undefined> {
  const tables = await Promise.all(["tcp", "tcp6"].map((t) => read(join(proc, "net", t))));
  const inodes = new Set(tables.flatMap((t) => listeningInodes(t, port)).filter((i) => i > 0));
  if (inodes.size === 0) return undefined;
  const pid = await pidOf(proc, inodes);
  if (pid === undefined) return {};
  const cmdline = (await read(join(proc, String(pid), "cmdline"))).split("\0").filter(Boolean);
  const command = cmdline.join(" ");
  return { pid, command: command.length > 100 ? `${command.slice(0, 97)}...` : command };
}

// Which ssh host keys gini trusts: those OpenSSH's known_hosts files list for the host, as `ssh`
// itself checks them (plain and hashed names, `[host]:port`, wildcards, negation, @revoked).
// ssh2, which docker-modem connects with, accepts any key unless it is given this check.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

import { GiniError } from "../errors.js";

/** One known_hosts file's path and text. */
export interface KnownHostsFile {
  path: string;
  text: string;
}

/** What the files say of a host's key. */
export type HostKeyVerdict = "known" | "unknown" | "changed" | "revoked";

/** The name known_hosts lists a host under: `host` on port 22, else `[host]:port`. */
const entryName = (host: string, port: number) => (port === 22 ? host : `[${host}]:${port}`);

function globMatches(pattern: string, name: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${regex}$`, "i").test(name);
}

function hostMatches(patterns: string, name: string): boolean {
  if (patterns.startsWith("|1|")) {
    const [salt = "", hash = ""] = patterns.slice(3).split("|");
    const mac = createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64");
    return mac === hash;
  }
  const list = patterns.split(",");
  const negated = list.some((p) => p.startsWith("!") && globMatches(p.slice(1), name));
  return !negated && list.some((p) => !p.startsWith("!") && globMatches(p, name));
}

/** Checks `key` (the server's public key blob) against the files, like OpenSSH does. */
export function checkHostKey(
  files: KnownHostsFile[],
  host: string,
  port: number,
  key: Buffer,
): { verdict: HostKeyVerdict; file?: string } {
  const name = entryName(host, port);
  let known: string | undefined;
  let listed: string | undefined;
  for (const { path, text } of files) {
    for (const raw of text.split("\n")) {
      const fields = raw.trim().split(/\s+/);
      if (!fields[0] || fields[0].startsWith("#")) continue;
      const marker = fields[0].startsWith("@") ? fields.shift() : undefined;
      const [patterns = "", , blob = ""] = fields;
      if (marker === "@cert-authority" || !hostMatches(patterns, name)) continue;
      const same = Buffer.from(blob, "base64").equals(key);
      // A revoked key is refused wherever another line lists it, as ssh does.
      if (marker === "@revoked") {
        if (same) return { verdict: "revoked", file: path };
      } else if (same) known ??= path;
      else listed ??= path;
    }
  }
  if (known) return { verdict: "known", file: known };
  return listed ? { verdict: "changed", file: listed } : { verdict: "unknown" };
}

/** OpenSSH's user and global known_hosts files that exist. */
function knownHostsFiles(): KnownHostsFile[] {
  const paths = [
    join(homedir(), ".ssh", "known_hosts"),
    join(homedir(), ".ssh", "known_hosts2"),
    "/etc/ssh/ssh_known_hosts",
    "/etc/ssh/ssh_known_hosts2",
  ];
  return paths.flatMap((path) => {
    try {
      return [{ path, text: readFileSync(path, "utf8") }];
    } catch {
      return [];
    }
  });
}

/** The one-line refusal of a host key that is not known, with how to make it known. */
function refusal(
  host: string,
  port: number,
  user: string | undefined,
  found: ReturnType<typeof checkHostKey>,
): GiniError {
  const name = entryName(host, port);
  const login = `ssh ${port === 22 ? "" : `-p ${port} `}${user ? `${user}@` : ""}${host}`;
  const add = `check the key's fingerprint and add it by connecting once with \`${login}\``;
  switch (found.verdict) {
    case "changed":
      return new GiniError(
        `the ssh host key of ${name} differs from the one in ${found.file}: gini does not connect to a host whose key changed`,
        {
          hint: `if the host was reinstalled, remove the old key (ssh-keygen -R '${name}' -f ${found.file}), then ${add}`,
        },
      );
    case "revoked":
      return new GiniError(`the ssh host key of ${name} is marked @revoked in ${found.file}`, {
        hint: "ask the host's administrator for its current key",
      });
    default:
      return new GiniError(
        `the ssh host key of ${name} is not in ~/.ssh/known_hosts: gini does not connect to an unknown host`,
        {
          hint: add,
        },
      );
  }
}

/**
 * A host key check for ssh2's `hostVerifier`, reading the known_hosts files when the server shows
 * its key; `refused` holds why a key was refused, for the error the failed connection becomes.
 */
export function knownHostsVerifier(host: string, port: number, user: string | undefined) {
  const check = {
    refused: undefined as GiniError | undefined,
    verify: (key: Buffer): boolean => {
      const found = checkHostKey(knownHostsFiles(), host, port, key);
      if (found.verdict !== "known") check.refused = refusal(host, port, user, found);
      return found.verdict === "known";
    },
  };
  return check;
}

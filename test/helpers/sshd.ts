// Test helper, not the product: a real OpenSSH server (Debian's openssh-server) with keys of the
// test's own, and an ssh-agent that holds the client's key, as a user's machine would have.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { tempFolder } from "../../src/config/project.fake.js";
import { eventually } from "./poll.js";
import { portOpen } from "./taken-port.js";

/** A running sshd and what a client needs to log in to it. */
export interface TestSshd {
  /** The server's host key as a known_hosts line takes it ("ssh-ed25519 AAAA…"). */
  hostKey: string;
  /** The file gini reads as ~/.ssh/known_hosts, under the `HOME` of `env`; the test writes it. */
  knownHosts: string;
  /** What a gini run needs to log in: HOME (for known_hosts) and the agent's socket. */
  env: Record<string, string>;
  /** The client's private key, for the system `ssh` (which reads the user's real home, not HOME). */
  identity: string;
  /** A fresh key pair's public half, e.g. to write a known_hosts line with a wrong key. */
  keygen: (name: string) => string;
  stop: () => void;
}

/** Where sshd listens, and, for a test host, the network namespace it runs in. */
export interface SshdOptions {
  address: string;
  port: number;
  /** A network namespace of the test's own (`ip netns add`), entered without a new mount view. */
  netns?: string;
  /** Set in every session's environment (sshd's SetEnv), e.g. the DOCKER_HOST dial-stdio uses. */
  setEnv?: Record<string, string>;
}

/** Starts sshd (root may log in with the client key only) and the agent; resolves once both listen. */
export async function startSshd(options: SshdOptions): Promise<TestSshd> {
  const t = tempFolder("gini-sshd-");
  const home = join(t, "home");
  const agentSocket = join(t, "agent.sock");
  mkdirSync(join(home, ".ssh"), { recursive: true });
  const keygen = (name: string) => {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "", "-f", join(t, name)]);
    return readFileSync(join(t, `${name}.pub`), "utf8")
      .split(" ")
      .slice(0, 2)
      .join(" ");
  };
  const hostKey = keygen("host");
  writeFileSync(join(t, "authorized_keys"), keygen("client") + "\n");
  const config = [
    `Port ${options.port}`,
    `ListenAddress ${options.address}`,
    `HostKey ${join(t, "host")}`,
    `AuthorizedKeysFile ${join(t, "authorized_keys")}`,
    "PermitRootLogin prohibit-password",
    "PasswordAuthentication no",
    "KbdInteractiveAuthentication no",
    "UsePAM no",
    "StrictModes no",
    "PidFile none",
    ...Object.entries(options.setEnv ?? {}).map(([k, v]) => `SetEnv ${k}=${v}`),
  ];
  writeFileSync(join(t, "sshd_config"), config.join("\n") + "\n");
  mkdirSync("/run/sshd", { recursive: true }); // sshd's privilege separation folder
  const sshd = ["/usr/sbin/sshd", "-D", "-e", "-f", join(t, "sshd_config")];
  const inNetns = options.netns ? ["nsenter", `--net=/var/run/netns/${options.netns}`] : [];
  const [program, ...args] = [...inNetns, ...sshd];
  const running: ChildProcess[] = [
    spawn(program!, args, { stdio: "ignore" }),
    spawn("ssh-agent", ["-D", "-a", agentSocket], { stdio: "ignore" }),
  ];
  const stop = () => running.forEach((child) => child.kill());
  const listening = await eventually(
    () => portOpen(options.address, options.port),
    Boolean,
    10_000,
    100,
  );
  const agent = await eventually(
    () => Promise.resolve(readFileSync("/proc/net/unix", "utf8").includes(agentSocket)),
    Boolean,
    10_000,
    100,
  );
  if (!listening || !agent) {
    stop();
    throw new Error(`sshd on ${options.address}:${options.port} or its agent did not start`);
  }
  try {
    execFileSync("ssh-add", ["-q", join(t, "client")], {
      env: { ...process.env, SSH_AUTH_SOCK: agentSocket },
    });
  } catch (err) {
    stop();
    throw err;
  }
  return {
    hostKey,
    knownHosts: join(home, ".ssh", "known_hosts"),
    env: { HOME: home, SSH_AUTH_SOCK: agentSocket },
    identity: join(t, "client"),
    keygen,
    stop,
  };
}

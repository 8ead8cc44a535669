// An ssh:// engine behind a real OpenSSH server (Debian's openssh-server, on loopback, with keys
// and a known_hosts of the test's own): gini talks to the engine through it only when the server's
// host key is the one known_hosts lists, as `ssh` would; a changed or unknown key is refused
// before any API call is sent.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { gini } from "./helpers/gini.js";
import { StatusDoc } from "./helpers/json-docs.js";
import { eventually } from "./helpers/poll.js";

const PORT = 22022;
const ENDPOINT = `ssh://root@127.0.0.1:${PORT}`;

describe("an ssh:// engine: the host key is checked against known_hosts", () => {
  const dir = projectFixture({ name: "gini-ssh" });
  const t = mkdtempSync(join(tmpdir(), "gini-sshd-"));
  const home = join(t, "home");
  const knownHosts = join(home, ".ssh", "known_hosts");
  const agentSocket = join(t, "agent.sock");
  const running: ChildProcess[] = [];
  const keygen = (name: string) => {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "", "-f", join(t, name)]);
    return readFileSync(join(t, `${name}.pub`), "utf8")
      .split(" ")
      .slice(0, 2)
      .join(" ");
  };
  let hostKey = "";
  let otherKey = "";
  const status = (known: string, args = ["status", "--json"]) => {
    writeFileSync(knownHosts, known);
    return gini(dir, args, {
      DOCKER_HOST: ENDPOINT,
      DOCKER_CONTEXT: "",
      HOME: home,
      SSH_AUTH_SOCK: agentSocket,
    });
  };

  beforeAll(async () => {
    mkdirSync(join(home, ".ssh"), { recursive: true });
    hostKey = keygen("host");
    otherKey = keygen("other");
    writeFileSync(join(t, "authorized_keys"), keygen("client") + "\n");
    const config = [
      `Port ${PORT}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${join(t, "host")}`,
      `AuthorizedKeysFile ${join(t, "authorized_keys")}`,
      "PermitRootLogin prohibit-password",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "UsePAM no",
      "StrictModes no",
      "PidFile none",
    ];
    writeFileSync(join(t, "sshd_config"), config.join("\n") + "\n");
    mkdirSync("/run/sshd", { recursive: true }); // sshd's privilege separation folder
    running.push(
      spawn("/usr/sbin/sshd", ["-D", "-e", "-f", join(t, "sshd_config")], { stdio: "ignore" }),
    );
    running.push(spawn("ssh-agent", ["-D", "-a", agentSocket], { stdio: "ignore" }));
    await eventually(
      () => Promise.resolve(execFileSync("ss", ["-ltn"], { encoding: "utf8" })),
      (out) => out.includes(`127.0.0.1:${PORT}`),
      10_000,
      100,
    );
    await eventually(
      () => Promise.resolve(readFileSync("/proc/net/unix", "utf8")),
      (out) => out.includes(agentSocket),
      10_000,
      100,
    );
    execFileSync("ssh-add", ["-q", join(t, "client")], {
      env: { ...process.env, SSH_AUTH_SOCK: agentSocket },
    });
  });
  afterAll(() => {
    for (const child of running) child.kill();
    rmSync(t, { recursive: true, force: true });
  });

  it("connects when known_hosts lists the server's key, and reaches the engine", async () => {
    const run = await status(`[127.0.0.1]:${PORT} ${hostKey}\n`);
    expect(run.code, run.stderr).toBe(0);
    const doc = StatusDoc.parse(JSON.parse(run.stdout));
    expect(doc.engine).toMatchObject({ endpoint: ENDPOINT, source: "DOCKER_HOST" });
    expect(doc.engine.version).toMatch(/^\d+\./);
    expect(run.stderr).not.toMatch(/DEP0170|DeprecationWarning/);
  });

  it("refuses a key that differs from the one listed, naming the host and the file", async () => {
    const run = await status(`[127.0.0.1]:${PORT} ${otherKey}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: the ssh host key of [127.0.0.1]:${PORT} differs from the one in ${knownHosts}`,
    );
    expect(run.stderr).toContain(
      `hint: if the host was reinstalled, remove the old key (ssh-keygen -R '[127.0.0.1]:${PORT}'`,
    );
  });

  it("refuses an unknown host, saying how to add its key", async () => {
    const run = await status("");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: the ssh host key of [127.0.0.1]:${PORT} is not in ~/.ssh/known_hosts`,
    );
    expect(run.stderr).toContain(`ssh -p ${PORT} root@127.0.0.1`);
    // Whichever API call meets the refusal first (logs lists containers first), the same error.
    const logs = await status("", ["logs", "prometheus", "--tail", "1"]);
    expect(logs.stderr).toContain(
      `error: the ssh host key of [127.0.0.1]:${PORT} is not in ~/.ssh/known_hosts`,
    );
  });
});

// An ssh:// engine behind a real OpenSSH server (Debian's openssh-server, on loopback, with keys
// and a known_hosts of the test's own): gini talks to the engine through it only when the server's
// host key is the one known_hosts lists, as `ssh` would; a changed or unknown key is refused
// before any API call is sent.
import { writeFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { gini } from "./helpers/gini.js";
import { StatusDoc } from "./helpers/json-docs.js";
import { startSshd, type TestSshd } from "./helpers/sshd.js";

const PORT = 22022;
const ENDPOINT = `ssh://root@127.0.0.1:${PORT}`;

describe("an ssh:// engine: the host key is checked against known_hosts", () => {
  const dir = projectFixture({ name: "gini-ssh" });
  let sshd: TestSshd;
  let hostKey = "";
  let otherKey = "";
  let knownHosts = "";
  const status = (known: string, args = ["status", "--json"]) => {
    writeFileSync(knownHosts, known);
    return gini(dir, args, { DOCKER_HOST: ENDPOINT, DOCKER_CONTEXT: "", ...sshd.env });
  };

  beforeAll(async () => {
    sshd = await startSshd({ address: "127.0.0.1", port: PORT });
    ({ hostKey, knownHosts } = sshd);
    otherKey = sshd.keygen("other");
  });
  afterAll(() => sshd?.stop());

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

// What a user sees when `gini up` cannot bring the stack up, against a real Docker engine: each
// failure names what and where, gives a hint, and leaves nothing behind that the next up or down
// cannot handle.
import { rmSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, inject, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { containersLabelled, networkId } from "./helpers/docker.js";
import { gini, projectDownAround, spawnGini } from "./helpers/gini.js";
import { withPortTaken } from "./helpers/taken-port.js";

const LABEL = "gini.project=gini-it";

describe("gini up failures against a real Docker engine", () => {
  const dir = projectFixture({ name: "gini-it" });

  projectDownAround(dir);

  it("refuses a taken host port before creating anything", async () => {
    await withPortTaken(9090, async () => {
      const run = await gini(dir, ["up", "-d", "--no-apps"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^error: host port 9090 \(prometheus\) already in use on 127\.0\.0\.1$/m,
      );
      expect(run.stderr).toMatch(/^hint: /m);
      expect(containersLabelled(LABEL)).toEqual([]);
      expect(networkId()).toBe("");
    });
  });

  it("says so when Docker is not reachable", async () => {
    const run = await gini(dir, ["up", "-d"], { DOCKER_HOST: "unix:///tmp/gini-no-docker.sock" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Docker engine not reachable at unix:\/\/\/tmp\/gini-no-docker\.sock/m,
    );
    expect(run.stderr).toMatch(/^hint: start Docker/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("names a missing config file and creates nothing", async () => {
    const bare = projectFixture({ name: "gini-it" });
    rmSync(join(bare, "config-jaeger.yaml"));
    const run = await gini(bare, ["up", "-d"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("config-jaeger.yaml");
    expect(containersLabelled(LABEL)).toEqual([]);
  });

  it("reports an image that cannot be pulled, or may not be", async () => {
    const pulled = await gini(dir, ["up", "-d"], {
      GINI_JAEGER_IMAGE: "localhost:1/gini/missing:1.0",
    });
    expect(pulled.code).toBe(1);
    expect(pulled.stderr).toMatch(
      /^error: pulling localhost:1\/gini\/missing:1\.0 for jaeger failed/m,
    );
    const never = await gini(dir, ["up", "-d", "--pull", "never"], {
      GINI_JAEGER_IMAGE: "gini-test/missing:1.0",
    });
    expect(never.code).toBe(1);
    expect(never.stderr).toContain("--pull never");
    expect(containersLabelled(LABEL)).toEqual([]);
  });

  it("fails fast with the last log lines when a container exits, and the next up repairs it", async () => {
    // Prometheus's image handed Jaeger's arguments exits at once: a wrong image override.
    const broken = await gini(dir, ["up", "-d", "--no-apps"], {
      GINI_JAEGER_IMAGE: inject("images").prometheus,
    });
    expect(broken.code).toBe(1);
    // The engine restarts it (on-failure, 5 times): gini may see it exited or between restarts.
    expect(broken.stderr).toMatch(
      /^error: jaeger did not get ready: its container (is exited|exited \(code \d+\) and the engine restarts it)$/m,
    );
    expect(broken.stderr).toMatch(/^ {2}\| .*unknown long flag '--config'/m);
    expect(broken.stderr).toMatch(/^hint: .*gini logs jaeger/m);
    const repaired = await gini(dir, ["up", "-d", "--no-apps"]);
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(repaired.stderr).toContain("jaeger recreated");
  });

  it("times out a service that never answers its probe", async () => {
    // The stand-in in Prometheus's place runs but never answers on :9090.
    const run = await gini(dir, ["up", "-d", "--no-apps", "--timeout", "3"], {
      GINI_PROMETHEUS_IMAGE: inject("standIn"),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: prometheus did not get ready within 3 s: GET http:\/\/127\.0\.0\.1:9090\/-\/ready → /m,
    );
  });

  it("treats Ctrl-C during up as a failure that the next down cleans up", async () => {
    await gini(dir, ["down"]);
    const child = spawnGini(dir, ["up", "-d", "--no-apps"], {
      GINI_PROMETHEUS_IMAGE: inject("standIn"),
    });
    let stderr = "";
    let sent = false;
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes("prometheus created") && !sent) sent = child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: interrupted while bringing the stack up$/m);
    expect(stderr).toMatch(/^hint: .*gini down/m);
    expect(containersLabelled(LABEL).length).toBe(3);
    const cleaned = await gini(dir, ["down"]);
    expect(cleaned.code).toBe(0);
    expect(containersLabelled(LABEL)).toEqual([]);
  });
});

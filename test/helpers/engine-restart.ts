import { execFileSync, spawn } from "node:child_process";
import { existsSync, openSync } from "node:fs";

import { eventually } from "./poll.js";

const answers = () => {
  try {
    execFileSync("docker", ["info", "--format", "{{.ServerVersion}}"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
};

/**
 * Restarts the test machine's Docker engine the way it was started: systemd's unit where systemd
 * runs, else the `dockerd` that provisioning started (stopped with SIGTERM, as a shutdown does,
 * and started again in its own session, logging where provisioning logs). Resolves once it answers.
 */
export async function restartEngine(): Promise<void> {
  if (existsSync("/run/systemd/system")) {
    execFileSync("systemctl", ["restart", "docker"]);
  } else {
    execFileSync("pkill", ["-TERM", "-x", "dockerd"]);
    await eventually(
      () => Promise.resolve(spawnPgrep()),
      (running) => !running,
      60_000,
      200,
    );
    const log = openSync("/tmp/gini-dockerd.log", "a");
    spawn("setsid", ["dockerd"], { detached: true, stdio: ["ignore", log, log] }).unref();
  }
  const up = await eventually(() => Promise.resolve(answers()), Boolean, 60_000, 250);
  if (!up) throw new Error("the Docker engine did not come back after a restart");
}

function spawnPgrep(): boolean {
  try {
    execFileSync("pgrep", ["-x", "dockerd"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

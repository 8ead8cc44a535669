import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { docker } from "./helpers/docker.js";
import { gini, projectDownAround, ROOT } from "./helpers/gini.js";
import type { DoctorDoc as Report } from "./helpers/json-docs.js";
import { withPortTaken } from "./helpers/taken-port.js";

async function doctor(dir: string): Promise<{ code: number; report: Report }> {
  const run = await gini(dir, ["doctor", "--json"]);
  expect(run.stderr).toBe("");
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const find = (r: Report, id: string) => r.checks.find((c) => c.id === id);

/** Runs doctor until `done` holds (sending traffic through the demo UI meanwhile), or 45 s pass. */
async function doctorUntil(dir: string, done: (r: Report) => boolean, traffic = false) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (traffic) {
      await fetch("http://localhost:7860/api/generate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt: "doctor" }),
      }).catch(() => undefined);
    }
    const result = await doctor(dir);
    if (done(result.report) || Date.now() > deadline) return result;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe("gini doctor against a real engine", () => {
  const dir = projectFixture({ name: "gini-doctor" });
  const original = (file: string) => readFileSync(join(ROOT, file), "utf8");

  projectDownAround(dir);

  it("with the stack down, names a taken port and the process holding it", async () => {
    await withPortTaken(9090, async () => {
      const { code, report } = await doctor(dir);
      expect(code).toBe(1);
      expect(report.checks[0]).toMatchObject({ group: "containers", status: "fail" });
      const port = find(report, "port.9090")!;
      expect(port.status).toBe("fail");
      expect(port.finding).toContain(
        `host port 9090 (prometheus) is taken by pid ${process.pid}: `,
      );
      expect(port.fix).toContain(`kill ${process.pid}`);
    });
  });

  it("passes a healthy stack with the demo apps and traffic, and exits 0", async () => {
    const up = await gini(dir, ["up", "--detach"]);
    expect(up.code).toBe(0);
    const { code, report } = await doctorUntil(
      dir,
      (r) => r.checks.every((c) => c.status === "pass"),
      true,
    );
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    for (const id of [
      "prometheus.target",
      "span-metrics.calls",
      "jaeger.calls.gini-api",
      "jaeger.calls.gini-ui",
      "app.api.seen",
    ]) {
      expect(find(report, id)?.status, id).toBe("pass");
    }
    const text = await gini(dir, ["doctor"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^✔ no failures \(0 failures, 0 warnings, \d+ passed\)$/m);
  });

  it("names a container disconnected from gini-network", async () => {
    docker("network", "disconnect", "gini-network", "jaeger");
    try {
      const { code, report } = await doctor(dir);
      expect(code).toBe(1);
      expect(report.checks[0]).toMatchObject({
        id: "container.jaeger.network",
        status: "fail",
      });
      expect(report.checks[0]!.finding).toMatch(/^jaeger is not attached to gini-network/);
      expect(report.checks[0]!.fix).toContain(
        "docker network connect --alias jaeger gini-network jaeger",
      );
    } finally {
      docker("network", "connect", "--alias", "jaeger", "gini-network", "jaeger");
    }
  });

  it("names a stopped prometheus first, and skips what needs it", async () => {
    docker("stop", "-t", "1", "prometheus");
    const { code, report } = await doctor(dir);
    expect(code).toBe(1);
    expect(report.checks[0]).toMatchObject({ id: "container.prometheus", status: "fail" });
    expect(report.checks[0]!.finding).toMatch(/^prometheus is exited \(exit code \d+\)$/);
    expect(find(report, "span-metrics")?.status).toBe("skip");
    const text = await gini(dir, ["doctor"]);
    expect(text.stdout.split("\n").slice(0, 2)).toEqual([
      "Containers",
      expect.stringMatching(/^ {2}✖ prometheus is exited/),
    ]);
    expect((await gini(dir, ["up", "-d"])).code).toBe(0);
  });

  it("names a broken config-spm.yaml, in the config and in the collector's logs", async () => {
    const path = join(dir, "config-spm.yaml");
    // In place (same inode), so the mounted file changes; the restarted collector rejects it.
    writeFileSync(
      path,
      original("config-spm.yaml").replace(
        /^exporters:\n/m,
        "exporters:\n  jaeger_storage_exporter:\n    trace_storage: memory_traces\n",
      ),
    );
    docker("restart", "-t", "1", "otel-collector");
    try {
      const { code, report } = await doctorUntil(
        dir,
        (r) => find(r, "collector-logs.unknown-type") !== undefined,
      );
      expect(code).toBe(1);
      // The engine restarts it up to 5 times: doctor finds it down, or up again after a restart.
      const container = find(report, "container.otel-collector");
      if (container?.status === "fail") {
        expect(container.finding).toMatch(/^otel-collector is (exited|restarting) \(exit code 1\b/);
      } else {
        expect(find(report, "container.otel-collector.restarts")).toMatchObject({
          status: "warn",
          finding: expect.stringMatching(/^otel-collector restarted \d+ times?/) as string,
        });
      }
      expect(find(report, "config.unknown-component-type")?.finding).toMatch(
        /^config-spm\.yaml:\d+:\d+: .*jaeger_storage_exporter/,
      );
      expect(find(report, "collector-logs.unknown-type")).toMatchObject({
        status: "fail",
        finding:
          'the collector rejects its config: unknown component type "jaeger_storage_exporter"',
      });
    } finally {
      writeFileSync(path, original("config-spm.yaml"));
    }
    const healed = await gini(dir, ["up", "-d"]);
    expect(healed.code, healed.stderr).toBe(0);
  });

  it("names a scrape target that is down, with Prometheus's lastError", async () => {
    const path = join(dir, "prometheus.yml");
    writeFileSync(
      path,
      original("prometheus.yml").replace(
        "  - job_name: spanmetrics\n",
        "  - job_name: spanmetrics\n    metrics_path: /wrong\n",
      ),
    );
    try {
      const up = await gini(dir, ["up", "-d"]);
      expect(up.stderr).toContain("prometheus recreated");
      const { code, report } = await doctorUntil(
        dir,
        (r) => find(r, "prometheus.target")?.status === "fail",
      );
      expect(code).toBe(1);
      expect(find(report, "prometheus.target")).toMatchObject({
        status: "fail",
        finding:
          "target otel-collector:8889 (job spanmetrics) is down: server returned HTTP status 404 Not Found",
      });
    } finally {
      writeFileSync(path, original("prometheus.yml"));
    }
  });

  it("names an app launched without the OTLP endpoint", async () => {
    await gini(dir, ["down"]);
    const node = `${process.execPath} ${join(ROOT, "dist/demo/api.js")}`;
    writeFileSync(
      join(dir, "gini.yaml"),
      [
        "name: gini-doctor",
        "apps:",
        "  unset:",
        `    command: ${JSON.stringify(`env -u OTEL_EXPORTER_OTLP_ENDPOINT ${node}`)}`,
        '    env: { PORT: "8123" }',
        "    ready: http://localhost:8123/health",
        "  empty:",
        `    command: ${JSON.stringify(node)}`,
        '    env: { PORT: "8124", OTEL_EXPORTER_OTLP_ENDPOINT: "" }',
        "    ready: http://localhost:8124/health",
        // One after the other: two apps of one wave race on the state file (reported separately).
        "    depends_on: [unset]",
      ].join("\n"),
    );
    const up = await gini(dir, ["up", "-d"]);
    expect(up.stderr + up.stdout).not.toContain("error:");
    const { code, report } = await doctor(dir);
    expect(code).toBe(1);
    for (const name of ["unset", "empty"]) {
      const c = find(report, `app.${name}`)!;
      expect(c.status).toBe("fail");
      expect(c.finding).toMatch(
        new RegExp(`^${name} \\(pid \\d+\\) runs without OTEL_EXPORTER_OTLP_ENDPOINT`),
      );
    }
  });
});

// `gini validate` against the real binaries' own validators (`otelcol validate`, `jaeger validate`,
// `promtool check config`), on the shipped configs and on every broken fixture gini reports an
// error for. A fixture is either refused by the binary too (a config the binary cannot load), or
// it loads but cannot work in gini's stack; those are listed with the test that shows the failure.
import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, inject, it } from "vitest";

import { projectFixture } from "../src/config/project.fake.js";
import { gini, ROOT } from "./helpers/gini.js";
import { dockerRun } from "./helpers/test-network.js";

const FIXTURES = join(ROOT, "test/fixtures/configs");

type Target = "config-spm.yaml" | "config-jaeger.yaml" | "prometheus.yml";

/** The real binary's verdict on one config file: its exit code and output. */
function realValidate(target: Target, file: string) {
  const images = inject("images");
  const mount = (path: string) => ["-v", `${file}:${path}:ro`];
  switch (target) {
    case "config-spm.yaml":
      return dockerRun([
        "--rm",
        ...mount("/etc/c.yaml"),
        images.collector,
        "validate",
        "--config=/etc/c.yaml",
      ]);
    case "config-jaeger.yaml":
      return dockerRun([
        "--rm",
        ...mount("/etc/c.yaml"),
        images.jaeger,
        "validate",
        "--config=/etc/c.yaml",
      ]);
    case "prometheus.yml":
      return dockerRun([
        "--rm",
        ...mount("/etc/p.yml"),
        "--entrypoint=/bin/promtool",
        images.prometheus,
        "check",
        "config",
        "/etc/p.yml",
      ]);
  }
}

const targetOf = (fixture: string) =>
  fixture.slice(fixture.indexOf(".") + 1).replace(/\.broken$/, "") as Target;

/**
 * Fixtures the real binary loads although gini reports an error: each is a working config for the
 * binary alone but breaks gini's stack, and the named test shows that failure with the real images.
 */
const LOADS_BUT_BREAKS_THE_STACK: Record<string, string> = {
  "localhost-bind.config-spm.yaml": "backend-traps: unreachable through port mapping",
  "localhost-bind.config-jaeger.yaml": "the collector cannot export to jaeger:4317 (same trap)",
  "health-check.config-spm.yaml": "gini's readiness probe GET :13133/ never answers",
  "scrape-target.prometheus.yml": "Prometheus scrapes a port the collector does not serve",
  "scrape-target-host.prometheus.yml":
    "localhost inside the Prometheus container is not the collector",
  "jaeger-metrics-backend.config-jaeger.yaml": "backend-traps: the Monitor API answers 500",
  "metric-names.config-jaeger.yaml": "Jaeger queries another metric namespace than the collector's",
  "metric-names-normalize.config-jaeger.yaml":
    "Jaeger queries a metric name Prometheus does not have",
};

describe("gini validate agrees with the real binaries", () => {
  it.each<Target>(["config-spm.yaml", "config-jaeger.yaml", "prometheus.yml"])(
    "the shipped %s passes both",
    async (target) => {
      const real = await realValidate(target, join(ROOT, target));
      expect(real.output).not.toMatch(/error/i);
      expect(real.code).toBe(0);
    },
  );

  it("`gini validate` passes the shipped configs", async () => {
    const run = await gini(projectFixture(), ["validate"]);
    expect(run.code).toBe(0);
  });

  const fixtures = readdirSync(FIXTURES).filter((f) => !f.endsWith(".gini.yaml"));
  it.each(fixtures)("%s: the binary refuses what gini calls an error", async (fixture) => {
    const dir = projectFixture();
    cpSync(join(FIXTURES, fixture), join(dir, targetOf(fixture)));
    // gini's verdict for the default contrib image (an override makes unknown types warnings).
    const ours = await gini(dir, ["validate", "--json"], { GINI_OTEL_COLLECTOR_IMAGE: "" });
    const report = JSON.parse(ours.stdout) as { ok: boolean; errors: number };
    expect(ours.code).toBe(report.ok ? 0 : 1);
    const real = await realValidate(targetOf(fixture), join(FIXTURES, fixture));
    // Warnings only: a config the binary loads. Errors: one it refuses, unless listed above.
    const loads = report.ok || fixture in LOADS_BUT_BREAKS_THE_STACK;
    if (loads) expect(real.code, real.output).toBe(0);
    else expect(real.code, real.output).not.toBe(0);
  });
});

import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  projectFixture,
  removeProjectFixtures,
  ROOT,
} from "../../../test/helpers/project-fixture.js";
import { GiniError } from "../../errors.js";
import { loadProject } from "../load.js";
import { assertValid, findingsError, jsonReport, validateOptions, type Finding } from "./index.js";

const FIXTURES = join(ROOT, "test/fixtures/configs");

const projectWith = (...fixtures: string[]): string => projectFixture({ fixtures });

/**
 * 1-based line of the first line of the fixture containing `needle`, comments skipped unless it is
 * one; with `after`, the first such line below the first line that is exactly `after`.
 */
function lineOf(fixture: string, needle: string, after?: string): number {
  const lines = readFileSync(join(FIXTURES, fixture), "utf8").split("\n");
  const from = after === undefined ? 0 : lines.indexOf(after) + 1;
  const index = lines.findIndex(
    (l, i) =>
      i >= from && l.includes(needle) && (needle.startsWith("#") || !l.trimStart().startsWith("#")),
  );
  if (index < 0) throw new Error(`${needle} not in ${fixture}`);
  return index + 1;
}

const rules = (findings: Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");

afterEach(removeProjectFixtures);

describe("the shipped configs", () => {
  it("validate clean: no error, no warning", async () => {
    expect(await validateOptions({ projectDir: projectWith() })).toEqual([]);
  });

  it("validate clean with the commented gini.yaml template", async () => {
    const dir = projectWith();
    cpSync(join(ROOT, "templates/gini.yaml"), join(dir, "gini.yaml"));
    expect(await validateOptions({ projectDir: dir })).toEqual([]);
  });
});

/** One broken fixture per rule: [fixture, rule, message part, text on the reported line]. */
const CASES: [string, string, string, string][] = [
  ["yaml-syntax.config-spm.yaml.broken", "yaml-syntax", "invalid YAML", "compression: gzip"],
  [
    "undefined-component.config-spm.yaml",
    "undefined-component",
    'exporter "otlp/tempo" is used in pipeline "traces" but never defined',
    "otlp/tempo",
  ],
  [
    "unknown-component-type.config-spm.yaml",
    "unknown-component-type",
    '"memory_limitter" is not a processor type of the contrib collector',
    "  memory_limitter:",
  ],
  [
    "spanmetrics-wiring.config-spm.yaml",
    "spanmetrics-wiring",
    'connector "span_metrics" is not a receiver of any metrics pipeline',
    "  span_metrics:",
  ],
  [
    "localhost-bind.config-spm.yaml",
    "localhost-bind",
    'receiver "otlp" listens on localhost:4317',
    "localhost:4317",
  ],
  [
    "localhost-bind.config-jaeger.yaml",
    "localhost-bind",
    'receiver "otlp" grpc has no endpoint, so it listens on localhost:4317',
    "      grpc:",
  ],
  [
    "health-check.config-spm.yaml",
    "health-check",
    "health_check extension missing",
    "# Broken fixture",
  ],
  [
    "scrape-target.prometheus.yml",
    "scrape-target",
    'scrape target "otel-collector:9464" does not match the collector\'s prometheus exporter, which serves port 8889',
    "otel-collector:9464",
  ],
  [
    "scrape-target-host.prometheus.yml",
    "scrape-target",
    'scrape target "localhost:8889" is not the otel-collector service',
    "localhost:8889",
  ],
  [
    "jaeger-metrics-backend.config-jaeger.yaml",
    "jaeger-metrics-backend",
    "Jaeger's metric backend points at http://localhost:9090, not the prometheus service",
    "http://localhost:9090",
  ],
  [
    "metric-names-normalize.config-jaeger.yaml",
    "metric-names",
    "Jaeger queries traces_span_metrics_calls, but the collector serves traces_span_metrics_calls_total",
    "normalize_calls: false",
  ],
];

/**
 * Broken fixtures that only warn: [fixture, rule, message part, fix part, text on the reported line,
 * the section line it is under].
 */
const WARNING_CASES: [string, string, string, string, string, string][] = [
  [
    "deprecated-name.config-spm.yaml",
    "deprecated-name",
    '"otlp" is the deprecated name of the otlp_grpc exporter',
    'rename "otlp" to "otlp_grpc"',
    "  otlp:",
    "exporters:",
  ],
];

describe("each broken fixture fails with its own message and line", () => {
  it.each(CASES)("%s → %s", async (fixture, rule, message, lineText) => {
    const findings = await validateOptions({ projectDir: projectWith(fixture) });
    expect(rules(findings)).toEqual([rule]);
    const [finding] = errors(findings);
    expect(errors(findings)).toHaveLength(1);
    expect(finding!.message).toContain(message);
    expect(finding!.fix).not.toBe("");
    expect(
      finding!.file.endsWith(fixture.slice(fixture.indexOf(".") + 1).replace(/\.broken$/, "")),
    ).toBe(true);
    expect(finding!.line).toBe(lineOf(fixture, lineText));
  });

  it.each(WARNING_CASES)(
    "%s → %s (a warning only)",
    async (fixture, rule, message, fix, lineText, section) => {
      const findings = await validateOptions({ projectDir: projectWith(fixture) });
      expect(findings.map((f) => [f.rule, f.severity])).toEqual([[rule, "warning"]]);
      const [finding] = findings;
      expect(finding!.message).toContain(message);
      expect(finding!.fix).toContain(fix);
      expect(finding!.file.endsWith(fixture.slice(fixture.indexOf(".") + 1))).toBe(true);
      expect(finding!.line).toBe(lineOf(fixture, lineText, section));
      expect(finding!.column).toBe(lineText.indexOf(lineText.trim()) + 1);
    },
  );

  it("deprecated-name: the old connector and otlphttp names warn with the new spelling; the otlp receiver does not", async () => {
    const dir = projectWith();
    // The shipped config with the connector's old name and an OTLP/HTTP exporter under its old name.
    const old = readFileSync(join(ROOT, "config-spm.yaml"), "utf8")
      .replaceAll("span_metrics", "spanmetrics")
      .replaceAll("otlp_grpc", "otlphttp/jaeger")
      .replace("endpoint: jaeger:4317", "endpoint: http://jaeger:4318");
    writeFileSync(join(dir, "config-spm.yaml"), old);
    const lineOfOld = (text: string) => old.split("\n").indexOf(text) + 1;
    const findings = await validateOptions({ projectDir: dir });
    expect(findings.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      ["deprecated-name", "warning", lineOfOld("  spanmetrics:"), 3],
      ["deprecated-name", "warning", lineOfOld("  otlphttp/jaeger:"), 3],
    ]);
    expect(findings[0]!.message).toBe(
      '"spanmetrics" is the deprecated name of the span_metrics connector; the collector still accepts it but logs a deprecation warning',
    );
    expect(findings[0]!.fix).toBe(
      'rename "spanmetrics" to "span_metrics" here and wherever service.pipelines lists it',
    );
    expect(findings[1]!.fix).toBe(
      'rename "otlphttp/jaeger" to "otlp_http/jaeger" here and wherever service.pipelines lists it',
    );
  });

  it("metric-names: a Jaeger namespace other than the collector's is reported at the connector's namespace", async () => {
    const findings = await validateOptions({
      projectDir: projectWith("metric-names.config-jaeger.yaml"),
    });
    expect(rules(findings)).toEqual(["metric-names"]);
    const [finding] = errors(findings);
    expect(finding!.message).toBe(
      `span metrics are served as traces_span_metrics_calls_total, but Jaeger queries span_metrics_calls_total (${finding!.file.replace("config-spm.yaml", "config-jaeger.yaml")})`,
    );
    expect(finding!.file.endsWith("config-spm.yaml")).toBe(true);
    expect(finding!.line).toBe(
      readFileSync(join(ROOT, "config-spm.yaml"), "utf8")
        .split("\n")
        .findIndex((l) => l.includes("namespace: traces.span.metrics")) + 1,
    );
  });

  it("gini-yaml: unknown keys and wrong types, each at its own line", async () => {
    const findings = await validateOptions({ projectDir: projectWith("gini-yaml.gini.yaml") });
    expect(rules(findings)).toEqual(["gini-yaml"]);
    const fx = "gini-yaml.gini.yaml";
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [lineOf(fx, "bind:"), 'bind: invalid value "10.0.0.1"'],
      [lineOf(fx, "imagee:"), 'unknown key "stack.jaeger.imagee"'],
      [lineOf(fx, "PORT:"), "apps.api.env.PORT: expected string, received number"],
    ]);
    expect(findings[1]!.fix).toContain("allowed here: image, config");
  });

  it("dev-timing: a 60 s flush is a warning, not an error", async () => {
    const fx = "dev-timing.config-spm.yaml";
    const findings = await validateOptions({ projectDir: projectWith(fx) });
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ["dev-timing", "warning", lineOf(fx, "metrics_flush_interval")],
    ]);
    expect(findings[0]!.message).toContain('connector "span_metrics" flushes every 60s');
  });

  it("self-metrics: the removed `address` key is an error, and the :8888 target is never up", async () => {
    const fx = "self-metrics.config-spm.yaml";
    const findings = await validateOptions({ projectDir: projectWith(fx) });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ["self-metrics", "error"],
      ["self-metrics", "warning"],
    ]);
    expect(findings[0]!.message).toBe(
      "service.telemetry.metrics.address was removed from the collector: it refuses to start with it (has invalid keys: address)",
    );
    expect(findings[0]!.line).toBe(lineOf(fx, "address: 0.0.0.0:8888"));
    expect(findings[1]!.message).toContain('"otel-collector:8888" is never up');
  });

  it("file-missing: a missing config file is an error at line 1", async () => {
    const dir = projectWith();
    rmSync(join(dir, "prometheus.yml"));
    const findings = await validateOptions({ projectDir: dir });
    expect(findings.map((f) => [f.rule, f.severity, f.line, f.message])).toEqual([
      ["file-missing", "error", 1, "file not found"],
    ]);
    expect(findings[0]!.fix).toContain("gini init");
  });
});

describe("the seed's component list", () => {
  const fx = "seed.config-spm.yaml";

  it("fails with the Jaeger-only message for each Jaeger v2 component", async () => {
    const found = errors(await validateOptions({ projectDir: projectWith(fx) }));
    const byLine = (needle: string) => found.find((f) => f.line === lineOf(fx, needle));
    expect(byLine("  jaeger_storage_exporter:")!.message).toBe(
      "jaeger_storage_exporter exists only in Jaeger v2; in the collector, export to Jaeger with an otlp_grpc exporter to jaeger:4317",
    );
    expect(byLine("  jaeger_query:")!.message).toMatch(/^jaeger_query exists only in Jaeger v2/);
    expect(byLine("  jaeger_storage:")!.message).toMatch(
      /^jaeger_storage exists only in Jaeger v2/,
    );
    expect(byLine("  spanmetrics:")!.message).toBe("spanmetrics is a connector, not an exporter");
    expect(found.every((f) => f.file.endsWith("config-spm.yaml"))).toBe(true);
  });

  it("stops `gini up` with the first error as file:line:col and a hint naming gini validate", async () => {
    const project = await loadProject({ projectDir: projectWith(fx) });
    const error = await assertValid(project).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GiniError);
    const { message, hint } = error as GiniError;
    expect(message).toMatch(/config-spm\.yaml:\d+:\d+: /);
    expect(hint).toMatch(/\d+ more errors: run `gini validate` to see them all\)$/);
  });
});

describe("reports", () => {
  it("jsonReport has a stable shape", async () => {
    const findings = await validateOptions({
      projectDir: projectWith("localhost-bind.config-spm.yaml"),
    });
    const report = jsonReport(findings);
    expect(Object.keys(report)).toEqual(["ok", "errors", "warnings", "findings"]);
    expect(report).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(Object.keys(report.findings[0]!)).toEqual([
      "severity",
      "file",
      "line",
      "column",
      "rule",
      "message",
      "fix",
    ]);
  });

  it("findingsError ignores warnings and names a single error's fix", () => {
    const base = { file: "f.yaml", line: 2, column: 3, rule: "r", message: "m", fix: "do x" };
    expect(findingsError([{ ...base, severity: "warning" }])).toBeUndefined();
    const error = findingsError([{ ...base, severity: "error" }]);
    expect(error?.message).toBe("f.yaml:2:3: m");
    expect(error?.hint).toBe("do x (run `gini validate` to check again)");
  });

  it("an unknown type is only a warning when the collector image is overridden", async () => {
    const dir = projectWith("unknown-component-type.config-spm.yaml");
    writeFileSync(
      join(dir, "gini.yaml"),
      "stack:\n  otel-collector:\n    image: my/collector:1.0\n",
    );
    const findings = await validateOptions({ projectDir: dir });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ["unknown-component-type", "warning"],
    ]);
  });
});

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { projectFixture, removeProjectFixtures, ROOT } from "../project.fake.js";
import { validateOptions } from "./index.js";
import { errors, lineOf, projectWith, rules } from "./validate.fake.js";

afterEach(removeProjectFixtures);

/** The 1-based line of a file that holds `needle`. */
const lineNumber = (path: string, needle: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(needle)) + 1;

describe("what each rule reports, in detail", () => {
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

  it("gini-yaml: slo budgets need a unit, a percentage and a whole number, and known keys", async () => {
    const text = [
      "slo:",
      '  "*": { p95: 300ms, error_rate: 1%, min_requests: 20 }',
      "  gini-api:",
      "    p95: 300",
      "    p99: soon",
      "    error_rate: 120%",
      "    min_requests: 2.5",
      "    p50: 10ms",
      "",
    ].join("\n");
    const dir = projectFixture({ files: { "gini.yaml": text } });
    const findings = await validateOptions({ projectDir: dir });
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [4, "slo.gini-api.p95: expected string, received number"],
      [5, "slo.gini-api.p99: a duration with a unit, e.g. 300ms or 1.5s"],
      [6, "slo.gini-api.error_rate: a percentage from 0 to 100, e.g. 1% or 0.5%"],
      [7, "slo.gini-api.min_requests: expected int, received number"],
      [8, 'unknown key "slo.gini-api.p50"'],
    ]);
    expect(findings[0]!.fix).toBe("give a latency with its unit, e.g. p95: 300ms");
    expect(findings[4]!.fix).toContain("allowed here: p95, p99, error_rate, min_requests");
  });

  it("dev-timing: a 60 s flush is a warning, not an error", async () => {
    const fx = "dev-timing.config-spm.yaml";
    const findings = await validateOptions({ projectDir: projectWith(fx) });
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ["dev-timing", "warning", lineOf(fx, "metrics_flush_interval")],
    ]);
    expect(findings[0]!.message).toContain('connector "span_metrics" flushes every 60s');
  });

  it("dev-timing: a span-metrics scrape slower than 2 s is a warning at its target", async () => {
    const dir = projectWith();
    const path = join(dir, "prometheus.yml");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace("scrape_interval: 1s", "scrape_interval: 5s"),
    );
    const findings = await validateOptions({ projectDir: dir });
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ["dev-timing", "warning", lineNumber(path, '"otel-collector:8889"')],
    ]);
    expect(findings[0]!.message).toBe(
      'job "spanmetrics" scrapes the span metrics every 5s, so a request takes that long or longer to show in the Monitor tab',
    );
    expect(findings[0]!.fix).toBe(
      "set `scrape_interval: 1s` in the job (and `scrape_timeout: 1s`)",
    );
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

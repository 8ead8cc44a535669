import { afterEach, describe, expect, it } from "vitest";

import { removeProjectFixtures } from "../project.fake.js";
import { validateOptions } from "./index.js";
import { errors, lineOf, projectWith, rules } from "./validate.fake.js";

afterEach(removeProjectFixtures);

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
});

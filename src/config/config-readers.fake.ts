/** Test support for the property tests: what they feed the readers, and what every result must be. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import fc from "fast-check";
import { expect } from "vitest";

import { GiniError } from "../errors.js";
import { ROOT } from "./project.fake.js";
import { type Finding, jsonReport } from "./validate/index.js";

/** A gini.yaml using every section, for mutations to start from. */
const FULL_GINI_YAML = `name: shop
bind: 127.0.0.1
stack:
  jaeger: { image: jaegertracing/jaeger:2.20.0 }
  prometheus:
    config: prometheus.yml
apps:
  api:
    command: node api.js
    env: { PORT: "8000" }
    ready: http://localhost:8000/health
  ui:
    command: node ui.js
    depends_on: [api, jaeger]
  worker:
    image: shop/worker:1
    ports: [9100]
slo:
  "*": { error_rate: 1% }
  api: { p95: 300ms, min_requests: 20 }
`;

/** The four files a project has, as shipped (gini.yaml: FULL_GINI_YAML). */
export const SHIPPED: Record<string, string> = {
  "gini.yaml": FULL_GINI_YAML,
  ...Object.fromEntries(
    ["config-spm.yaml", "config-jaeger.yaml", "prometheus.yml"].map((f) => [
      f,
      readFileSync(join(ROOT, f), "utf8"),
    ]),
  ),
};

const yamlChars = fc.constantFrom(
  ..."abc:-?[]{},&*!|>'\"#%@` \t\n0123456789.e~\\<",
  "  ",
  ": ",
  "- ",
  "&a ",
  "*a",
  "<<: ",
  "!!int ",
  "---\n",
  "é",
);

/** Text that looks like YAML often enough to reach deep into the parser. */
export const yamlishText = fc.array(yamlChars, { maxLength: 120 }).map((cs) => cs.join(""));

/** A line of a file replaced, deleted, duplicated, retyped, aliased, or the file truncated. */
export const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), text: yamlishText }),
  fc.record({
    kind: fc.constant("retype" as const),
    at: fc.nat(),
    value: fc.constantFrom("[1, 2]", "{}", "123", "null", "true", '""', "*a", "&a x", "!!binary x"),
  }),
  fc.record({ kind: fc.constant("alias" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

/** Applies a mutation to a file's text. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const i = m.at % lines.length;
  switch (m.kind) {
    case "delete":
      lines.splice(i, 1);
      break;
    case "duplicate":
      lines.splice(i, 0, lines[i]!);
      break;
    case "replace":
      lines[i] = m.text;
      break;
    case "retype":
      lines[i] = lines[i]!.replace(/:\s.*$/, `: ${m.value}`);
      break;
    case "alias": {
      // An anchor on one value, its alias on another line (before or after it).
      const j = m.other % lines.length;
      lines[i] = lines[i]!.replace(/:\s(.+)$/, ": &a $1");
      lines[j] = lines[j]!.replace(/:\s.*$/, ": *a");
      break;
    }
    case "truncate":
      return text.slice(0, m.at % (text.length + 1));
  }
  return lines.join("\n");
}

/** One generated mutation. */
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Every finding is located and the report serialises: what `validate --json` prints. */
export function expectLocated(findings: Finding[]): void {
  for (const f of findings) {
    expect(f.file.length).toBeGreaterThan(0);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.message).not.toContain("\n");
  }
  expect(() => JSON.stringify(jsonReport(findings))).not.toThrow();
}

/** A failed load is a GiniError naming the file, with file:line:column when it is about content. */
export function expectGiniError(err: unknown, file: string): void {
  expect(err).toBeInstanceOf(GiniError);
  expect((err as GiniError).message).toContain(file);
}

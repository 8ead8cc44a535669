import {
  appSchema,
  giniFileSchema,
  SERVICE_NAMES,
  sloSchema,
  stackServiceSchema,
} from "../../schema.js";
import { findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "gini-yaml";

/** gini.yaml must match its schema: no unknown keys, every value of the right type. */
export const giniYaml: Rule = (ctx) => {
  const doc = ctx.gini;
  if (!doc) return [];
  const parsed = giniFileSchema.safeParse(doc.data);
  if (parsed.success) return [];
  const findings: Finding[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const allowed = allowedKeys(path);
        findings.push(
          findingAt(
            doc,
            [...path, key],
            "error",
            RULE,
            `unknown key "${[...path, key].join(".")}"`,
            allowed
              ? `remove or rename it; allowed here: ${allowed.join(", ")}`
              : "remove or rename it",
          ),
        );
      }
      continue;
    }
    const where = path.join(".") || "the document";
    const reason =
      issue.message === "Invalid input"
        ? `invalid value ${JSON.stringify(valueAt(doc.data, path))}`
        : issue.message.replace(/^Invalid input: /, "");
    findings.push(findingAt(doc, path, "error", RULE, `${where}: ${reason}`, fixFor(path)));
  }
  return findings;
};

/** The raw value at `path`, for messages. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    data,
  );
}

/** The keys gini.yaml accepts at `path`, for the fix text. */
function allowedKeys(path: readonly (string | number)[]): string[] | undefined {
  if (path.length === 0) return Object.keys(giniFileSchema.shape);
  if (path.length === 1 && path[0] === "stack") return [...SERVICE_NAMES];
  if (path.length === 2 && path[0] === "stack") return Object.keys(stackServiceSchema.shape);
  if (path.length === 2 && path[0] === "apps") return Object.keys(appSchema.shape);
  if (path.length === 2 && path[0] === "slo") return Object.keys(sloSchema.shape);
  return undefined;
}

function fixFor(path: readonly (string | number)[]): string {
  const key = path.includes("env") ? "env" : [...path].reverse().find((k) => typeof k === "string");
  switch (key) {
    case "bind":
      return "use 127.0.0.1 (the default) or 0.0.0.0 to expose the stack";
    case "name":
      return "use letters, digits, '_', '.' and '-', starting with a letter or digit";
    case "env":
      return 'give env as a map of strings; quote numbers, e.g. PORT: "8000"';
    case "depends_on":
      return "list app names, e.g. depends_on: [api]";
    case "ready":
      return "use a full URL, e.g. http://localhost:8000/health";
    case "p95":
    case "p99":
      return "give a latency with its unit, e.g. p95: 300ms";
    case "error_rate":
      return "give a percentage, e.g. error_rate: 1%";
    case "min_requests":
      return "give a whole number of requests, e.g. min_requests: 20";
    case "slo":
      return "give budgets per service, e.g. slo: { my-api: { p95: 300ms, error_rate: 1% } }";
    default:
      return "see the gini.yaml section of the README for each key's type";
  }
}

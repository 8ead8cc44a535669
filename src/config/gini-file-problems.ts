import type { $ZodIssue } from "zod/v4/core";

import type { KeyPath } from "./model/index.js";
import {
  appSchema,
  type GiniFile,
  giniFileSchema,
  SERVICE_NAMES,
  sloSchema,
  stackServiceSchema,
} from "./schema.js";

/** One way gini.yaml's data breaks its schema, worded once for `gini validate` and `gini up`. */
export interface GiniFileProblem {
  /** Where: the key path of the offending entry. */
  keys: KeyPath;
  message: string;
  fix: string;
}

/** gini.yaml's data checked against the schema: the typed file, or every problem in it. */
export function checkGiniFile(data: unknown): { file: GiniFile } | { problems: GiniFileProblem[] } {
  const parsed = giniFileSchema.safeParse(data);
  if (parsed.success) return { file: parsed.data };
  return { problems: parsed.error.issues.flatMap((issue) => problemsOf(issue, data)) };
}

function problemsOf(issue: $ZodIssue, data: unknown): GiniFileProblem[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const allowed = allowedKeys(path);
      return {
        keys: [...path, key],
        message: `unknown key "${dotted([...path, key])}"`,
        fix: allowed
          ? `remove or rename it; allowed here: ${allowed.join(", ")}`
          : "remove or rename it",
      };
    });
  }
  const where = dotted(path) || "the document";
  if (issue.code === "invalid_key") {
    // A bad key of a record: the inner issue says what is wrong with the key itself.
    const reason = issue.issues[0]?.message ?? issue.message;
    return [{ keys: path, message: `${where}: ${reason}`, fix: fixFor(path.slice(0, -1)) }];
  }
  const reason =
    issue.message === "Invalid input"
      ? `invalid value ${shortJson(valueAt(data, path))}`
      : issue.message.replace(/^Invalid input: /, "");
  return [{ keys: path, message: `${where}: ${reason}`, fix: fixFor(path) }];
}

/** A key path as messages show it, on one line: a key of other characters in JSON quotes. */
function dotted(path: KeyPath): string {
  return path.map((k) => (/^[\w.*-]+$/.test(String(k)) ? k : JSON.stringify(k))).join(".");
}

/** The raw value at `path`, for messages. */
function valueAt(data: unknown, path: KeyPath): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    data,
  );
}

/** A value as JSON on one short line: a message quotes it, it does not reproduce it. */
function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The keys gini.yaml accepts at `path`, for the fix text. */
function allowedKeys(path: KeyPath): string[] | undefined {
  if (path.length === 0) return Object.keys(giniFileSchema.shape);
  if (path.length === 1 && path[0] === "stack") return [...SERVICE_NAMES];
  if (path.length === 2 && path[0] === "stack") return Object.keys(stackServiceSchema.shape);
  if (path.length === 2 && path[0] === "apps") return Object.keys(appSchema.shape);
  if (path.length === 2 && path[0] === "slo") return Object.keys(sloSchema.shape);
  return undefined;
}

function fixFor(path: KeyPath): string {
  const key = path.includes("env") ? "env" : [...path].reverse().find((k) => typeof k === "string");
  switch (key) {
    case "bind":
      return "use 127.0.0.1 (the default) or 0.0.0.0 to expose the stack";
    case "name":
      return "use letters, digits, '_', '.' and '-', starting with a letter or digit";
    case "apps":
      return `rename the app: lower-case letters, digits, '_', '.' and '-', starting with a letter or digit, and none of ${SERVICE_NAMES.join(", ")}`;
    case "env":
      return 'give env as a map of strings; quote numbers, e.g. PORT: "8000"';
    case "depends_on":
      return "list app names, e.g. depends_on: [api]";
    case "otlp":
      return "use otlp: grpc (the default) or otlp: http, the transport the app's exporter speaks";
    case "ready":
      return "use a full http:// URL, e.g. http://localhost:8000/health";
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
      return "see docs/configuration.md (gini.yaml) for each key's type";
  }
}

// The JSON documents gini prints with --json, as zod schemas the integration tests parse every
// document with. They are written down here rather than imported from src/: the documents are a
// contract, and a change to one should fail a test, not quietly change a type. Objects are loose:
// a document may gain fields (the contract only ever adds), never lose or retype one.
// docs/json-schema/ holds them as JSON Schema (`npm run docs` writes it).
import * as z from "zod";

const num = z.number();
const str = z.string();
const quantiles = z.looseObject({ p50: num.nullable(), p95: num.nullable(), p99: num.nullable() });
const verdict = z.enum(["pass", "fail", "cannot-judge"]);

/** `gini status --json`. */
export const StatusDoc = z.looseObject({
  engine: z.looseObject({ name: str, version: str, endpoint: str, source: str }),
  project: str,
  network: str.nullable(),
  services: z.array(
    z.looseObject({
      name: str,
      container: str.nullable(),
      state: str,
      health: str,
      ports: z.array(z.looseObject({ container: num, hostIp: str, host: num })),
      /** How often the engine restarted it after a crash. */
      restartCount: num.optional(),
      lastLines: z.array(str).optional(),
    }),
  ),
  apps: z.array(
    z.looseObject({
      name: str,
      pid: num.nullable(),
      state: str,
      /** When it exited on its own. */
      exitCode: num.nullable().optional(),
      lastLines: z.array(str).optional(),
      /** The services its spans name (the span metrics' gini_app label). */
      services: z.array(str),
    }),
  ),
});
export type StatusDoc = z.infer<typeof StatusDoc>;

/** `gini validate --json`. */
export const ValidateDoc = z.looseObject({
  ok: z.boolean(),
  errors: num,
  findings: z.array(z.looseObject({ rule: str, severity: str })),
});
export type ValidateDoc = z.infer<typeof ValidateDoc>;

/** `gini doctor --json`. */
export const DoctorDoc = z.looseObject({
  ok: z.boolean(),
  summary: z.record(str, num),
  checks: z.array(
    z.looseObject({
      group: str,
      id: str,
      status: z.enum(["pass", "warn", "fail", "skip"]),
      finding: str,
      fix: str.nullable(),
    }),
  ),
});
export type DoctorDoc = z.infer<typeof DoctorDoc>;

/** One span in `gini traces --json`. */
const TracesSpan = z.looseObject({
  traceId: str,
  spanId: str,
  parentSpanId: str.nullable(),
  service: str,
  name: str,
  kind: str,
  startTime: str,
  durationMs: num,
  error: z.boolean(),
  errorMessage: str.nullable(),
  attributes: z.record(str, z.union([str, num, z.boolean()])),
});
export type TracesSpan = z.infer<typeof TracesSpan>;

/** One trace in `gini traces --json`. */
const TracesTrace = z.looseObject({
  traceId: str,
  url: str,
  rootService: str,
  rootName: str,
  startTime: str,
  durationMs: num,
  spanCount: num,
  errorCount: num,
  spans: z.array(TracesSpan),
});
export type TracesTrace = z.infer<typeof TracesTrace>;

/** `gini traces --json` and `gini traces TRACE_ID --json`. */
export const TracesDoc = z.looseObject({
  services: z.array(str),
  knownServices: z.array(str),
  traces: z.array(TracesTrace),
});
export type TracesDoc = z.infer<typeof TracesDoc>;

/** RED figures of a service or operation in `gini red --json`. */
const RedFigures = z.looseObject({
  name: str,
  requestsPerSecond: num,
  requests: num,
  errorPercent: num.nullable(),
  latencyMs: quantiles,
  history: z.array(num.nullable()),
});

/** `gini red --json`. */
export const RedDoc = z.looseObject({
  prometheus: str,
  windowSeconds: num,
  spanKind: str.nullable(),
  services: z.array(RedFigures.extend({ operations: z.array(RedFigures) })),
  noData: z.looseObject({ reason: str, message: str, hint: str }).nullable(),
});
export type RedDoc = z.infer<typeof RedDoc>;

/** `gini check --json`. */
export const CheckDoc = z.looseObject({
  verdict,
  exitCode: num,
  results: z.array(
    z.looseObject({
      service: str,
      operation: str.nullable(),
      verdict: str,
      requests: num,
      violations: z.array(z.looseObject({ budget: str, measured: num, limit: num })),
    }),
  ),
  budgetVerdict: verdict.nullable(),
  baseline: z
    .looseObject({
      name: str,
      verdict,
      results: z.array(
        z.looseObject({
          service: str,
          operation: str,
          verdict: z.enum(["pass", "fail", "cannot-judge", "not-judged"]),
          regressions: z.array(
            z.looseObject({ limit: str, before: num, after: num, increase: num, p: num }),
          ),
        }),
      ),
    })
    .nullable(),
});
export type CheckDoc = z.infer<typeof CheckDoc>;

/** A latency quantile or the error rate in `gini red --compare --json`. */
const Change = z.looseObject({
  before: num.nullable(),
  after: num.nullable(),
  test: z.looseObject({ p: num, before: num, after: num }).nullable(),
  significant: z.boolean(),
});
const LatencyChange = Change.extend({ ms: num.nullable(), percent: num.nullable() });

/** `gini red --compare NAME --json`. */
export const CompareDoc = z.looseObject({
  baseline: z.looseObject({
    name: str,
    savedAt: str,
    range: z.looseObject({ windowSeconds: num }),
  }),
  now: z.looseObject({ range: z.looseObject({ start: str, end: str, windowSeconds: num }) }),
  method: z.looseObject({ alpha: num, minLatencyChangePercent: num, minRequests: num }),
  operations: z.array(
    z.looseObject({
      service: str,
      operation: str,
      status: z.enum(["compared", "too-few-requests", "new", "vanished"]),
      requests: z.looseObject({ before: num, after: num }),
      errorPercent: Change.extend({ points: num.nullable() }),
      latencyMs: z.looseObject({ p50: LatencyChange, p95: LatencyChange, p99: LatencyChange }),
      significant: z.boolean(),
      /** Where the slowest 5 % of the requests now start (the p95's bucket's lower bound). */
      slowestFromMs: num.nullable(),
    }),
  ),
  significant: z.boolean(),
});
export type CompareDoc = z.infer<typeof CompareDoc>;

/** `.gini/baselines/NAME.json`, as `gini red --save NAME --json` prints it. */
export const BaselineDoc = z.looseObject({
  name: str,
  gini: str,
  range: z.looseObject({ start: str, end: str, windowSeconds: num }),
  metrics: z.looseObject({ calls: str, duration: str, unit: str }),
  operations: z.array(
    z.looseObject({
      service: str,
      operation: str,
      requests: num,
      errors: num,
      latencyMs: quantiles,
      histogram: z.looseObject({ boundsMs: z.array(num), counts: z.array(num) }),
    }),
  ),
});
export type BaselineDoc = z.infer<typeof BaselineDoc>;

/** Every document, by the name its JSON Schema file has under docs/json-schema/. */
export const JSON_DOCS = {
  status: StatusDoc,
  validate: ValidateDoc,
  doctor: DoctorDoc,
  traces: TracesDoc,
  red: RedDoc,
  check: CheckDoc,
  compare: CompareDoc,
  baseline: BaselineDoc,
};

/** A document's JSON Schema file as `npm run docs` writes it under docs/json-schema/. */
export function jsonSchemaText(schema: z.ZodType): string {
  return JSON.stringify(z.toJSONSchema(schema), null, 2) + "\n";
}

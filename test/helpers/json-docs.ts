// The JSON documents gini prints with --json, as the integration tests read them. They are written
// down here rather than imported from src/: the documents are a contract, and a change to one
// should fail a test, not quietly change a type.

/** A published port in `gini status --json`. */
interface StatusPort {
  container: number;
  hostIp: string;
  host: number;
}

/** One service in `gini status --json`. */
interface StatusService {
  name: string;
  container: string | null;
  state: string;
  health: string;
  ports: StatusPort[];
  /** How often the engine restarted it after a crash. */
  restartCount?: number;
  lastLines?: string[];
}

/** One app in `gini status --json`. */
interface StatusApp {
  name: string;
  pid: number | null;
  state: string;
  /** When it exited on its own. */
  exitCode?: number | null;
  lastLines?: string[];
  /** The services its spans name (the span metrics' gini_app label). */
  services: string[];
}

/** `gini status --json`. */
export interface StatusDoc {
  engine: { name: string; version: string; endpoint: string; source: string };
  project: string;
  network: string | null;
  services: StatusService[];
  apps: StatusApp[];
}

/** `gini validate --json`. */
export interface ValidateDoc {
  ok: boolean;
  errors: number;
  findings: { rule: string; severity: string }[];
}

/** One check in `gini doctor --json`. */
interface DoctorCheck {
  group: string;
  id: string;
  status: "pass" | "warn" | "fail" | "skip";
  finding: string;
  fix: string | null;
}

/** `gini doctor --json`. */
export interface DoctorDoc {
  ok: boolean;
  summary: Record<string, number>;
  checks: DoctorCheck[];
}

/** One span in `gini traces --json`. */
export interface TracesSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  service: string;
  name: string;
  kind: string;
  startTime: string;
  durationMs: number;
  error: boolean;
  errorMessage: string | null;
  attributes: Record<string, string | number | boolean>;
}

/** One trace in `gini traces --json`. */
export interface TracesTrace {
  traceId: string;
  url: string;
  rootService: string;
  rootName: string;
  startTime: string;
  durationMs: number;
  spanCount: number;
  errorCount: number;
  spans: TracesSpan[];
}

/** `gini traces --json` and `gini traces TRACE_ID --json`. */
export interface TracesDoc {
  services: string[];
  knownServices: string[];
  traces: TracesTrace[];
}

/** RED figures of a service or operation in `gini red --json`. */
interface RedFiguresDoc {
  name: string;
  requestsPerSecond: number;
  requests: number;
  errorPercent: number | null;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
  history: (number | null)[];
}

/** `gini red --json`. */
export interface RedDoc {
  prometheus: string;
  windowSeconds: number;
  spanKind: string | null;
  services: (RedFiguresDoc & { operations: RedFiguresDoc[] })[];
  noData: { reason: string; message: string; hint: string } | null;
}

/** `gini check --json`. */
export interface CheckDoc {
  verdict: "pass" | "fail" | "cannot-judge";
  exitCode: number;
  results: {
    service: string;
    operation: string | null;
    verdict: string;
    requests: number;
    violations: { budget: string; measured: number; limit: number }[];
  }[];
  budgetVerdict: "pass" | "fail" | "cannot-judge" | null;
  baseline: {
    name: string;
    verdict: "pass" | "fail" | "cannot-judge";
    results: {
      service: string;
      operation: string;
      verdict: "pass" | "fail" | "cannot-judge" | "not-judged";
      regressions: { limit: string; before: number; after: number; increase: number; p: number }[];
    }[];
  } | null;
}

/** A latency quantile or the error rate in `gini red --compare --json`. */
interface ChangeDoc {
  before: number | null;
  after: number | null;
  test: { p: number; before: number; after: number } | null;
  significant: boolean;
}

/** `gini red --compare NAME --json`. */
export interface CompareDoc {
  baseline: { name: string; savedAt: string; range: { windowSeconds: number } };
  now: { range: { start: string; end: string; windowSeconds: number } };
  method: { alpha: number; minLatencyChangePercent: number; minRequests: number };
  operations: {
    service: string;
    operation: string;
    status: "compared" | "too-few-requests" | "new" | "vanished";
    requests: { before: number; after: number };
    errorPercent: ChangeDoc & { points: number | null };
    latencyMs: Record<
      "p50" | "p95" | "p99",
      ChangeDoc & { ms: number | null; percent: number | null }
    >;
    significant: boolean;
  }[];
  significant: boolean;
}

/** `.gini/baselines/NAME.json`, as `gini red --save NAME --json` prints it. */
export interface BaselineDoc {
  name: string;
  gini: string;
  range: { start: string; end: string; windowSeconds: number };
  metrics: { calls: string; duration: string; unit: string };
  operations: {
    service: string;
    operation: string;
    requests: number;
    errors: number;
    latencyMs: { p50: number | null; p95: number | null; p99: number | null };
    histogram: { boundsMs: number[]; counts: number[] };
  }[];
}

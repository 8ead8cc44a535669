/**
 * The collector's self-metrics (Prometheus text on :8888) that say where spans went: accepted or
 * refused by the OTLP receiver, sent to Jaeger or failed by the otlp_grpc exporter, or dropped
 * because its sending queue was full. Counters are summed over their series (transports, …).
 */

const SELF_METRICS_URL = "http://127.0.0.1:8888/metrics";

/**
 * The counters, by their base names: collector 0.165 serves them without the `_total` suffix
 * (otelcol_receiver_accepted_spans); some builds and older releases add it. Both are read.
 */
const COUNTERS = {
  accepted: { name: "otelcol_receiver_accepted_spans", labels: { receiver: "otlp" } },
  refused: { name: "otelcol_receiver_refused_spans", labels: { receiver: "otlp" } },
  /** Spans the receiver could not pass on for internal reasons (not the client's fault). */
  failed: { name: "otelcol_receiver_failed_spans", labels: { receiver: "otlp" } },
  exported: { name: "otelcol_exporter_sent_spans", labels: { exporter: "otlp_grpc" } },
  sendFailed: { name: "otelcol_exporter_send_failed_spans", labels: { exporter: "otlp_grpc" } },
  enqueueFailed: {
    name: "otelcol_exporter_enqueue_failed_spans",
    labels: { exporter: "otlp_grpc" },
  },
} as const;

/** Spans in the exporter's sending queue right now. */
const QUEUE = { name: "otelcol_exporter_queue_size", labels: { exporter: "otlp_grpc" } };

export type Counters = Record<keyof typeof COUNTERS, number>;
export interface Snapshot extends Counters {
  queue: number;
  /** Counter names the collector did not serve at all (reported, not guessed). */
  missing: string[];
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

type Wanted = { name: string; labels: Record<string, string> };

const base = (name: string) => name.replace(/_total$/, "");

const matches = (s: Sample, want: Wanted) =>
  base(s.name) === want.name && Object.entries(want.labels).every(([k, v]) => s.labels[k] === v);

export async function scrape(): Promise<Snapshot> {
  const res = await fetch(SELF_METRICS_URL, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`${SELF_METRICS_URL}: HTTP ${res.status}`);
  const samples = parse(await res.text());
  const sum = (want: Wanted) =>
    samples.filter((s) => matches(s, want)).reduce((a, s) => a + s.value, 0);
  const served = new Set(samples.map((s) => base(s.name)));
  const snap = { queue: sum(QUEUE), missing: [] as string[] } as Snapshot;
  for (const key of Object.keys(COUNTERS) as (keyof Counters)[]) {
    const want = COUNTERS[key];
    snap[key] = sum(want);
    if (!served.has(want.name)) snap.missing.push(want.name);
  }
  return snap;
}

/** after − before, counter by counter. */
export function delta(before: Counters, after: Counters): Counters {
  const d = {} as Counters;
  for (const key of Object.keys(COUNTERS) as (keyof Counters)[]) d[key] = after[key] - before[key];
  return d;
}

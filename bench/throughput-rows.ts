/** Table rows for the throughput measure: one per rate, then the highest loss-free rate. */
import { count, ratio } from "./stats.js";
import { type Row, verdict } from "./table.js";
import { BATCH, LIMIT_MIB, type RateResult, type ThroughputResult } from "./throughput.js";

/** A rate counts as reached when the generator achieved at least this share of it. */
const REACHED = 0.95;
const TARGET_RATE = 10_000;

const reached = (r: RateResult) => r.load.achievedRate >= REACHED * r.rate;

function rateRow(r: RateResult): Row {
  const c = r.collector;
  const errors = Object.entries(r.load.errors)
    .map(([why, n]) => `${n}× ${why}`)
    .join("; ");
  const failures = [
    `generator refused ${count(r.load.refused)}${errors ? ` (${errors})` : ""}`,
    `receiver refused ${count(c.refused)}`,
    `receiver failed ${count(c.failed)}`,
    `send failed ${count(c.sendFailed)}`,
    `enqueue failed ${count(c.enqueueFailed)}`,
  ].join(", ");
  return {
    measure:
      `collector at ${count(r.rate)} spans/s for ${r.seconds} s ` +
      `(OTLP/gRPC, ${BATCH} spans per request)`,
    gini:
      `sent ${count(r.load.sent)} (achieved ${count(r.load.achievedRate)}/s` +
      `${reached(r) ? "" : ", generator too slow"}), accepted ${count(c.accepted)}, ` +
      `exported ${count(c.exported)}, Jaeger holds ${count(r.jaeger)}, ` +
      `collector peak memory ${r.peakMiB.toFixed(0)} MiB (Jaeger ${r.jaegerPeakMiB.toFixed(0)} MiB)`,
    baseline: failures,
    ratio: `${ratio(r.jaeger, r.load.sent)} in Jaeger`,
    target: `nothing lost, < ${LIMIT_MIB} MiB`,
    result: verdict(r.lossFree && r.peakMiB < LIMIT_MIB),
  };
}

export function throughputRows(t: ThroughputResult): Row[] {
  // The sustained limit: the highest rate such that it and every lower rate lost nothing.
  let best: RateResult | undefined;
  for (const r of [...t.rates].sort((a, b) => a.rate - b.rate)) {
    if (!(r.lossFree && reached(r) && r.peakMiB < LIMIT_MIB)) break;
    best = r;
  }
  const summary: Row = {
    measure: "highest rate with nothing lost, at it and every lower rate (memory under the limit)",
    gini: best
      ? `${count(best.rate)} spans/s (achieved ${count(best.load.achievedRate)}/s, peak ${best.peakMiB.toFixed(0)} MiB)`
      : "none of the rates",
    baseline: `memory: ${t.memorySource}, every 500 ms`,
    ratio: "",
    target: `≥ ${count(TARGET_RATE)} spans/s, < ${LIMIT_MIB} MiB`,
    result: verdict(best !== undefined && best.rate >= TARGET_RATE),
  };
  return [...t.rates.map(rateRow), summary];
}

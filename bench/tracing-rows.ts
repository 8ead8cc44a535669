/** Table rows for the demo API's tracing overhead (see tracing.ts). */
import { ms, ratio } from "./stats.js";
import { type Row, verdict } from "./table.js";
import type { TracingBench } from "./tracing.js";

export function tracingRows(t: TracingBench): Row[] {
  const rps = (x: number) => `${x.toFixed(0)} req/s`;
  const us = (x: number) => `${x.toFixed(0)} µs`;
  return [
    {
      measure: `demo API \`GET ${t.path}\` throughput, traced ÷ untraced`,
      gini: rps(t.tracedRps),
      baseline: `untraced ${rps(t.untracedRps)}`,
      ratio: ratio(t.tracedRps, t.untracedRps, 0.85),
      target: "≥ 0.85×",
      result: verdict(t.tracedRps / t.untracedRps >= 0.85),
    },
    {
      measure: "demo API server CPU per request",
      gini: us(t.tracedCpuUs),
      baseline: `untraced ${us(t.untracedCpuUs)}`,
      ratio: ratio(t.tracedCpuUs, t.untracedCpuUs),
      target: "(context)",
      result: "",
    },
    {
      measure: `request → its span at the collector endpoint (${t.runs.spanDelaysMs.length} requests)`,
      gini: ms(t.spanDelayMedianMs, 1500),
      baseline: "",
      ratio: "",
      target: "≤ 1500 ms",
      result: verdict(t.spanDelayMedianMs <= 1500),
    },
  ];
}

/**
 * Does the engine serialize container creation and start? The stack's three containers (the
 * script's flags: same images, ports and mounts) are created, then started, once one after the
 * other and once all three at once, a docker CLI process each. If the engine worked on them in
 * parallel, "at once" would take about as long as the slowest one alone.
 */
import { type BenchContext, SCRIPT, script, timed, together } from "./proc.js";
import { median, ms, ratio } from "./stats.js";
import type { Row } from "./table.js";

const SERVICES = ["otel-collector", "jaeger", "prometheus"];

const create = (s: string) => ["bash", SCRIPT, "create", s];
const start = (s: string) => ["docker", "start", s];

export interface EngineConcurrency {
  createSerial: number[];
  createParallel: number[];
  startSerial: number[];
  startParallel: number[];
}

export async function measureEngineConcurrency(ctx: BenchContext): Promise<EngineConcurrency> {
  const t: EngineConcurrency = {
    createSerial: [],
    createParallel: [],
    startSerial: [],
    startParallel: [],
  };
  const clear = () => timed(ctx, "docker", ["rm", "-f", ...SERVICES]);
  script(ctx, "network");
  try {
    for (let i = 0; i < ctx.runs; i++) {
      let sum = 0;
      for (const s of SERVICES) sum += await together(ctx, [create(s)]);
      t.createSerial.push(sum);
      sum = 0;
      for (const s of SERVICES) sum += await together(ctx, [start(s)]);
      t.startSerial.push(sum);
      clear();
      t.createParallel.push(await together(ctx, SERVICES.map(create)));
      t.startParallel.push(await together(ctx, SERVICES.map(start)));
      clear();
    }
  } finally {
    timed(ctx, "docker", ["network", "rm", "gini-network"]);
  }
  return t;
}

export function engineConcurrencyRows(t: EngineConcurrency): Row[] {
  const row = (what: string, serial: number[], parallel: number[]): Row => ({
    measure: `engine: three \`docker ${what}\` at once vs one after the other (${serial.length} runs)`,
    gini: `at once ${ms(median(parallel))}`,
    baseline: `one after the other ${ms(median(serial))}`,
    ratio: ratio(median(parallel), median(serial)),
    target: "(context: 1.00× = fully serialized, 0.33× = fully parallel)",
    result: "",
  });
  return [
    row("create", t.createSerial, t.createParallel),
    row("start", t.startSerial, t.startParallel),
  ];
}

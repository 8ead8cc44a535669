/**
 * `gini up --watch` as a developer meets it: the demo API as a host app under about 20 requests a
 * second, its latency knob (a watched file) toggled between its built-in delay and 50–100 ms;
 * per toggle, the time from the save to the restarted app's ready line and to the before/after
 * line. Beside it, the demo API started alone (`node api.js` until it listens): what a restart
 * cannot beat.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { type BenchContext, BIN } from "./proc.js";
import { stop } from "./red-delay.js";
import { median, ms, ratio, sleep } from "./stats.js";
import type { Row } from "./table.js";

const API = resolve(import.meta.dirname, "../dist/demo/api.js");
const SLOW = JSON.stringify({ "GET /api/items": { minMs: 50, maxMs: 100 } });
/** How long each run serves before the next save: enough requests for a before/after. */
const RUN_MS = 12_000;

/** Resolves with the ms from `since` until `out()` matches `pattern` after `offset` characters. */
async function until(out: () => string, offset: number, pattern: RegExp, since: number) {
  const deadline = performance.now() + 120_000;
  while (!pattern.test(out().slice(offset))) {
    if (performance.now() > deadline) throw new Error(`no ${pattern.source}:\n${out()}`);
    await sleep(20);
  }
  return performance.now() - since;
}

/** The demo API alone, from spawn until it says it listens, in ms. */
async function plainStart(): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, [API], { env: { ...process.env, PORT: "8010" } });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const took = await until(() => out, 0, /listening/, start);
  await stop(child);
  return took;
}

/** Per save: ms to the restart's ready line, and to the before/after line. */
export interface WatchTimes {
  restart: number[];
  beforeAfter: number[];
  plain: number[];
}

export async function measureWatch(ctx: BenchContext, rounds: number): Promise<WatchTimes> {
  const knob = join(ctx.dir, "latency.json");
  writeFileSync(knob, "{}");
  const env = `{ PORT: "8000", OTEL_SERVICE_NAME: gini-api, GINI_DEMO_LATENCY_FILE: ${knob} }`;
  const yaml = ["apps:", "  api:", `    command: node ${API}`, `    env: ${env}`];
  yaml.push("    ready: http://localhost:8000/health", "slo:", '  "*": { min_requests: 50 }', "");
  writeFileSync(join(ctx.dir, "gini.yaml"), yaml.join("\n"));
  const times: WatchTimes = { restart: [], beforeAfter: [], plain: [] };
  let up: ChildProcess | undefined;
  let sending = true;
  try {
    up = spawn(process.execPath, [BIN, "up", "--watch"], { cwd: ctx.dir, env: ctx.env });
    let out = "";
    up.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    await until(() => out, 0, /api: watching/, performance.now());
    void (async () => {
      while (sending) {
        await fetch("http://localhost:8000/api/items").catch(() => undefined);
        await sleep(50);
      }
    })();
    for (let i = 0; i < rounds; i++) {
      await sleep(RUN_MS);
      const offset = out.length;
      const saved = performance.now();
      writeFileSync(knob, i % 2 === 0 ? SLOW : "{}");
      times.restart.push(await until(() => out, offset, /api: restarted/, saved));
      times.beforeAfter.push(
        await until(() => out, offset, /api: (gini-api|no significant|too few)/, saved),
      );
      times.plain.push(await plainStart());
      process.stderr.write(`bench: up --watch round ${i + 1}: ${out.slice(offset)}\n`);
    }
    return times;
  } finally {
    sending = false;
    if (up) await stop(up);
    // The other sections run the demo apps, which a project without gini.yaml gets.
    rmSync(join(ctx.dir, "gini.yaml"));
  }
}

export function watchRows(t: WatchTimes): Row[] {
  const restart = median(t.restart);
  const plain = median(t.plain);
  return [
    {
      measure: `\`up --watch\`: a watched file saved → the app restarted and ready (demo API, ${t.restart.length} saves)`,
      gini: ms(restart),
      baseline: `${ms(plain)} (the API started alone)`,
      ratio: ratio(restart, plain),
      target: "",
      result: "",
    },
    {
      measure: `\`up --watch\`: saved → its RED before vs after printed (50 requests after, at 20/s)`,
      gini: ms(median(t.beforeAfter)),
      baseline: "",
      ratio: "",
      target: "",
      result: "",
    },
  ];
}

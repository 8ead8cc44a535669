/**
 * Measures 1–3: `gini up --detach --no-apps` from nothing vs the shell script, the floor (each
 * service started alone: `docker run` + its readiness probe), `up` when everything is already
 * up, and `gini down` vs the script's `docker rm -f`. The three kinds of run take turns, in a
 * rotating order, so drift on a busy machine hits all of them alike.
 */
import { type BenchContext, gini, script, timed } from "./proc.js";
import { max, median, ms, ratio } from "./stats.js";
import { type Row, verdict } from "./table.js";

const SERVICES = ["otel-collector", "jaeger", "prometheus"] as const;
type Service = (typeof SERVICES)[number];
/** `up` repeated on a stack that is up, per run. */
const WARM_UPS_PER_RUN = 2;

export interface StackTimes {
  giniUp: number[];
  giniUpAgain: number[];
  giniDown: number[];
  scriptUp: number[];
  scriptDown: number[];
  network: number[];
  alone: Record<Service, number[]>;
}

function giniRound(ctx: BenchContext, t: StackTimes): void {
  t.giniUp.push(gini(ctx, "up", "--detach", "--no-apps"));
  for (let i = 0; i < WARM_UPS_PER_RUN; i++)
    t.giniUpAgain.push(gini(ctx, "up", "--detach", "--no-apps"));
  t.giniDown.push(gini(ctx, "down"));
}

function scriptRound(ctx: BenchContext, t: StackTimes): void {
  t.scriptUp.push(script(ctx, "up"));
  t.scriptDown.push(script(ctx, "down"));
}

/** Each service alone on a fresh network, one after the other; each removed before the next. */
function floorRound(ctx: BenchContext, t: StackTimes): void {
  t.network.push(script(ctx, "network"));
  try {
    for (const service of SERVICES) {
      try {
        t.alone[service].push(script(ctx, "one", service));
      } finally {
        timed(ctx, "docker", ["rm", "-f", service]);
      }
    }
  } finally {
    timed(ctx, "docker", ["network", "rm", "gini-network"]);
  }
}

export function measureStackTimes(ctx: BenchContext): StackTimes {
  const t: StackTimes = {
    giniUp: [],
    giniUpAgain: [],
    giniDown: [],
    scriptUp: [],
    scriptDown: [],
    network: [],
    alone: { "otel-collector": [], jaeger: [], prometheus: [] },
  };
  const rounds = [giniRound, scriptRound, floorRound];
  for (let i = 0; i < ctx.runs; i++) {
    for (let k = 0; k < rounds.length; k++) rounds[(i + k) % rounds.length]!(ctx, t);
    process.stderr.write(`bench: stack run ${i + 1}/${ctx.runs} done\n`);
  }
  return t;
}

export function stackRows(t: StackTimes, runs: number): Row[] {
  const up = median(t.giniUp);
  const scriptUp = median(t.scriptUp);
  const alone = SERVICES.map((s) => [s, median(t.alone[s])] as const);
  const floor = max(alone.map(([, m]) => m));
  const again = median(t.giniUpAgain);
  const down = median(t.giniDown);
  const scriptDown = median(t.scriptDown);
  return [
    {
      measure: `\`up --detach --no-apps\` until every probe answers (${runs} runs)`,
      gini: ms(up),
      baseline: `script ${ms(scriptUp)}`,
      ratio: ratio(up, scriptUp, 0.8),
      target: "≤ 0.8× script",
      result: verdict(up / scriptUp <= 0.8),
    },
    {
      measure: "floor: slowest service started alone (`docker run` + its probe)",
      gini: ms(up),
      baseline:
        `floor ${ms(floor)} (` +
        alone.map(([s, m]) => `${s} ${ms(m)}`).join(", ") +
        `; \`docker network create\` ${ms(median(t.network))}, not in the floor)`,
      ratio: `${ratio(up, floor)} floor`,
      target: "(context)",
      result: "",
    },
    {
      measure: `\`up --detach --no-apps\` when everything is already up (${t.giniUpAgain.length} runs)`,
      gini: ms(again, 300),
      baseline: "",
      ratio: "",
      target: "≤ 300 ms",
      result: verdict(again <= 300),
    },
    {
      measure: `\`down\` (${runs} runs)`,
      gini: ms(down),
      baseline: `script \`docker rm -f\` ${ms(scriptDown)}`,
      ratio: ratio(down, scriptDown, 1),
      target: "≤ 1.0× script",
      result: verdict(down / scriptDown <= 1.0),
    },
  ];
}

/**
 * `gini up --detach --no-apps` from nothing vs the floor (each service started alone: `docker run`
 * + its readiness probe) and vs the shell script, `up` and `status` when everything is already
 * up, and `gini down` vs the script's `docker rm -f`. The three kinds of run take turns, in a
 * rotating order, so drift on a busy machine hits all of them alike. One more `up --verbose`
 * from nothing says where an `up`'s time goes.
 */
import { type BenchContext, BIN, gini, script, timed, timedRun } from "./proc.js";
import { max, median, ms, ratio } from "./stats.js";
import { type Row, verdict } from "./table.js";

const SERVICES = ["otel-collector", "jaeger", "prometheus"] as const;
type Service = (typeof SERVICES)[number];
/** `up` and `status` repeated on a stack that is up, per run. */
const WARM_RUNS_PER_RUN = 2;

export interface StackTimes {
  giniUp: number[];
  giniUpAgain: number[];
  giniStatus: number[];
  giniDown: number[];
  /** `node -e 0`: Node's own start, what any command of a Node CLI pays first. */
  node: number[];
  scriptUp: number[];
  parallelUp: number[];
  scriptDown: number[];
  network: number[];
  alone: Record<Service, number[]>;
}

function giniRound(ctx: BenchContext, t: StackTimes): void {
  t.giniUp.push(gini(ctx, "up", "--detach", "--no-apps"));
  for (let i = 0; i < WARM_RUNS_PER_RUN; i++) {
    t.giniUpAgain.push(gini(ctx, "up", "--detach", "--no-apps"));
    t.giniStatus.push(gini(ctx, "status"));
    t.node.push(timed(ctx, process.execPath, ["-e", "0"]));
  }
  t.giniDown.push(gini(ctx, "down"));
}

function scriptRound(ctx: BenchContext, t: StackTimes): void {
  t.scriptUp.push(script(ctx, "up"));
  t.scriptDown.push(script(ctx, "down"));
  t.parallelUp.push(script(ctx, "parallel"));
  script(ctx, "down");
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
    giniStatus: [],
    giniDown: [],
    node: [],
    scriptUp: [],
    parallelUp: [],
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

/** The phases `up --verbose` prints ("  images: 12 ms"), of one `up` from nothing. */
export function upPhases(ctx: BenchContext): string {
  const run = timedRun(ctx, process.execPath, [BIN, "up", "--detach", "--no-apps", "--verbose"]);
  gini(ctx, "down");
  const phases = [...run.stderr.matchAll(/^ {2}([^\n]+): (\d+) ms$/gm)];
  return phases.map((m) => `${m[1]} ${m[2]}`).join("; ") + ` (whole run ${Math.round(run.ms)})`;
}

export function stackRows(t: StackTimes, runs: number): Row[] {
  const up = median(t.giniUp);
  const scriptUp = median(t.scriptUp);
  const alone = SERVICES.map((s) => [s, median(t.alone[s])] as const);
  const floor = max(alone.map(([, m]) => m));
  const again = median(t.giniUpAgain);
  const down = median(t.giniDown);
  const scriptDown = median(t.scriptDown);
  const status = median(t.giniStatus);
  const node = median(t.node);
  return [
    {
      measure: `\`up --detach --no-apps\` from nothing until every probe answers (${runs} runs)`,
      gini: ms(up),
      baseline:
        `floor ${ms(floor)}: the slowest service started alone (` +
        alone.map(([s, m]) => `${s} ${ms(m)}`).join(", ") +
        `; \`docker network create\` ${ms(median(t.network))}, not in the floor)`,
      ratio: ratio(up, floor, 1.25),
      target: "≤ 1.25× floor",
      result: verdict(up / floor <= 1.25),
    },
    {
      measure:
        "the same `up`, next to the fastest the docker CLI does on this engine (three created at once, then started at once, then the probes)",
      gini: ms(up),
      baseline: `docker CLI at once ${ms(median(t.parallelUp))}`,
      ratio: ratio(up, median(t.parallelUp)),
      target: "(context)",
      result: "",
    },
    {
      measure: "the same `up`, next to the shell script (three `docker run`, then the probes)",
      gini: ms(up),
      baseline: `script ${ms(scriptUp)}`,
      ratio: ratio(up, scriptUp),
      target: "(context)",
      result: "",
    },
    {
      measure: `\`up --detach --no-apps\` when everything is already up (${t.giniUpAgain.length} runs)`,
      gini: ms(again, 300),
      baseline: `Node's own start (\`node -e 0\`) ${ms(node)}`,
      ratio: ratio(again, node),
      target: "≤ 300 ms",
      result: verdict(again <= 300),
    },
    {
      measure: `\`status\` on a running stack (${t.giniStatus.length} runs)`,
      gini: ms(status, 250),
      baseline: `Node's own start ${ms(node)}`,
      ratio: ratio(status, node),
      target: "≤ 250 ms",
      result: verdict(status <= 250),
    },
    {
      measure: `\`down\`, the collector flushing first (${runs} runs)`,
      gini: ms(down),
      baseline: `script \`docker rm -f\` ${ms(scriptDown)}`,
      ratio: ratio(down, scriptDown, 1.1),
      target: "≤ 1.1× script",
      result: verdict(down / scriptDown <= 1.1),
    },
  ];
}

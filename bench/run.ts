/**
 * `npm run bench`: measures gini against the shell-script baseline side by side in one run, with
 * the local test images, and prints medians and ratios. Nothing here is asserted: figures go to
 * the README's performance section.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildTestImages } from "../test/setup/images.js";
import { benchTracing } from "./tracing.js";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Runs a command, fails loudly on a non-zero exit, returns wall time in ms. */
function timed(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return ms;
}

function project(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "gini-bench-")), "bench");
  mkdirSync(dir);
  for (const f of ["config-spm.yaml", "config-jaeger.yaml", "prometheus.yml"])
    cpSync(join(ROOT, f), join(dir, f));
  return dir;
}

const images = await buildTestImages();
const env = {
  ...process.env,
  NO_COLOR: "1",
  GINI_OTEL_COLLECTOR_IMAGE: images.collector,
  GINI_JAEGER_IMAGE: images.jaeger,
  GINI_PROMETHEUS_IMAGE: images.prometheus,
};
const dir = project();
const gini = [join(ROOT, "dist/bundle/bin.js")];
const script = join(ROOT, "bench/script-stack.sh");
spawnSync(process.execPath, [...gini, "down"], { cwd: dir, env });

const t = {
  giniUp: [] as number[],
  giniDown: [] as number[],
  scriptUp: [] as number[],
  scriptDown: [] as number[],
};
for (let i = 0; i < RUNS; i++) {
  // Alternate who goes first so drift on a noisy machine hits both alike.
  const order = i % 2 ? ["script", "gini"] : ["gini", "script"];
  for (const who of order) {
    if (who === "gini") {
      t.giniUp.push(timed(process.execPath, [...gini, "up", "--detach", "--no-apps"], dir, env));
      t.giniDown.push(timed(process.execPath, [...gini, "down"], dir, env));
    } else {
      t.scriptUp.push(timed("bash", [script, "up"], dir, { ...env, PROJECT_DIR: dir }));
      t.scriptDown.push(timed("bash", [script, "down"], dir, env));
    }
  }
}

const version: number[] = [];
const bareNode: number[] = [];
for (let i = 0; i < 20; i++) {
  version.push(timed(process.execPath, [...gini, "--version"], dir, env));
  bareNode.push(timed(process.execPath, ["-e", "0"], dir, env));
}

const tracing = await benchTracing();

const row = (name: string, a: number[], b: number[], target: string) =>
  `| ${name} | ${median(a).toFixed(0)} ms | ${median(b).toFixed(0)} ms | ${(median(a) / median(b)).toFixed(2)}× | ${target} |`;
const engine = execFileSync("docker", ["version", "--format", "{{.Server.Version}}"], {
  encoding: "utf8",
}).trim();
console.log(
  `\ngini benchmark: ${RUNS} runs each, medians; Docker ${engine}, ${images.prometheus}\n`,
);
console.log("| measure | gini | shell script | gini ÷ script | target |");
console.log("| --- | --- | --- | --- | --- |");
console.log(row("`up --detach --no-apps` until ready", t.giniUp, t.scriptUp, "≤ 0.7×"));
console.log(row("`down`", t.giniDown, t.scriptDown, "≤ 0.5×"));
console.log(
  `| \`gini --version\` cold start (20 runs) | ${median(version).toFixed(0)} ms | \`node -e 0\`: ${median(bareNode).toFixed(0)} ms | ${(median(version) / median(bareNode)).toFixed(2)}× node | ≤ 150 ms |`,
);
console.log(
  `| demo API \`GET ${tracing.path}\` throughput, traced ÷ untraced | ${tracing.tracedRps.toFixed(0)} req/s | untraced: ${tracing.untracedRps.toFixed(0)} req/s | ${(tracing.tracedRps / tracing.untracedRps).toFixed(2)}× | ≥ 0.85× |`,
);
console.log(
  `| demo API server CPU per request | ${tracing.tracedCpuUs.toFixed(0)} µs | untraced: ${tracing.untracedCpuUs.toFixed(0)} µs | ${(tracing.tracedCpuUs / tracing.untracedCpuUs).toFixed(2)}× | (context) |`,
);
console.log(
  `| request → its span at the collector endpoint (median of ${tracing.runs.spanDelaysMs.length}) | ${tracing.spanDelayMedianMs.toFixed(0)} ms | | | ≤ 1500 ms |`,
);
console.log(
  `\nall runs (ms): ${JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.map(Math.round)])))}`,
);

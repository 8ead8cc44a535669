import type { Command } from "commander";

import type { TrafficCounts } from "../demo/index.js";
import { EXIT_USAGE, GiniError } from "../errors.js";
import { parseDuration } from "./duration.js";
import { onInterrupt } from "./interrupt.js";
import { bad, dim, ok, say } from "./output.js";

interface TrafficFlags {
  rps: string;
  duration: string;
  uiUrl: string;
  apiUrl: string;
}

function parseRps(text: string): number {
  const rps = Number(text);
  if (!Number.isFinite(rps) || rps <= 0) {
    throw new GiniError(`--rps: "${text}" is not a rate`, {
      hint: "e.g. --rps 5",
      exitCode: EXIT_USAGE,
    });
  }
  return rps;
}

function summary(counts: TrafficCounts): string {
  const failed = counts.failed > 0 ? bad(`${counts.failed} failed`) : "0 failed";
  const unreachable = counts.unreachable > 0 ? bad(` (${counts.unreachable} unanswered)`) : "";
  return `${counts.sent} sent, ${ok(`${counts.ok} ok`)}, ${failed}${unreachable}`;
}

/** `gini traffic`: a mix of fast, slow and failing requests to the demo, for the Monitor tab. */
export function registerTraffic(program: Command): void {
  program
    .command("traffic")
    .description("send the demo UI and API a mix of fast, slow and failing requests")
    .option("--rps <n>", "requests per second", "5")
    .option("--duration <d>", "how long, e.g. 30s, 5m", "60s")
    .option("--ui-url <url>", "the demo UI", "http://localhost:7860")
    .option("--api-url <url>", "the demo API", "http://localhost:8000")
    .action(async (flags: TrafficFlags) => {
      const rps = parseRps(flags.rps);
      const durationSeconds = parseDuration(flags.duration, "--duration");
      const [{ driveTraffic }, { hostUrl, LOCALHOST, PORTS }] = await Promise.all([
        import("../demo/index.js"),
        import("../config/index.js"),
      ]);
      const interrupt = onInterrupt("while sending traffic", "");
      // Ctrl-C ends the run early; it still prints what was sent, like the end of a run.
      const stopped = new AbortController();
      interrupt.signal.addEventListener("abort", () => stopped.abort(), { once: true });
      try {
        const counts = await driveTraffic({
          uiUrl: flags.uiUrl,
          apiUrl: flags.apiUrl,
          rps,
          durationSeconds,
          signal: stopped.signal,
          onStart: () =>
            say(
              dim(
                `sending ${rps} requests/s for ${flags.duration} to ${flags.uiUrl} and ${flags.apiUrl}; ` +
                  "3 in 20 fail on purpose (Ctrl-C stops)",
              ),
            ),
          onTick: (now, elapsed) => say(dim(`${Math.round(elapsed)}s: `) + summary(now)),
        });
        say(`done: ${summary(counts)}`);
        for (const [route, c] of Object.entries(counts.byRoute).sort()) {
          say(dim(`  ${route.padEnd(34)} ${c.sent} sent, ${c.ok} ok, ${c.failed} failed`));
        }
        // traffic never asks where the engine runs: the link names this machine, like the flags.
        const monitor = hostUrl(LOCALHOST, PORTS.jaegerUi, "/monitor");
        say(dim(`see the Monitor tab of Jaeger: ${monitor}`));
      } finally {
        interrupt.dispose();
      }
    });
}

import { describe, isOk, json } from "../health/index.js";
import { NETWORK, PORTS, probeUrl, readyUrl, serviceNamed } from "../stack/index.js";
import { type Check, type CheckGroup, checksOf, type DoctorContext } from "./types.js";

const check = checksOf("prometheus");

/** One entry of /api/v1/targets' activeTargets, the fields doctor reads. */
interface Target {
  address: string;
  job: string;
  health: string;
  lastError: string;
}

const PROMETHEUS = serviceNamed("prometheus");

const text = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);

function targetsOf(doc: unknown): Target[] | undefined {
  const active = (doc as { data?: { activeTargets?: unknown } } | undefined)?.data?.activeTargets;
  if (!Array.isArray(active)) return undefined;
  return active.map((t: Record<string, Record<string, string> | string | undefined>) => {
    const labels = (t.labels ?? {}) as Record<string, string>;
    const discovered = (t.discoveredLabels ?? {}) as Record<string, string>;
    return {
      address: labels.instance ?? discovered.__address__ ?? "",
      job: labels.job ?? text(t.scrapePool, ""),
      health: text(t.health, "unknown"),
      lastError: text(t.lastError, ""),
    };
  });
}

/** What to do about a target that is down, from Prometheus's lastError. */
function targetFix(lastError: string): string {
  if (/no such host|server misbehaving/.test(lastError))
    return `the name does not resolve on ${NETWORK}: is otel-collector running and attached to it, and is the target's host right?`;
  if (/connection refused/.test(lastError))
    return "nothing listens there: the collector's prometheus exporter must serve 0.0.0.0 on that port";
  if (/HTTP status 404/.test(lastError))
    return "wrong path: the collector serves /metrics; remove metrics_path from the job in prometheus.yml, then `gini up`";
  return "fix the target in prometheus.yml (`gini validate` checks it), then `gini up`";
}

/** 7. Prometheus is ready, and scrapes the collector's span metrics (show lastError when not). */
export const checkPrometheus: CheckGroup = async (ctx) => {
  if (!ctx.services.prometheus.running) {
    return [check("prometheus", "skip", "not checked: prometheus is not running", null)];
  }
  const ready = await ctx.get(readyUrl(PROMETHEUS, ctx.publishedHost));
  if (!isOk(ready)) {
    return [
      check(
        "prometheus.ready",
        "fail",
        `prometheus is not ready on :${PROMETHEUS.ready.port}${PROMETHEUS.ready.path} (${describe(ready)})`,
        "`gini logs prometheus` shows why",
      ),
    ];
  }
  const checks = [check("prometheus.ready", "pass", `ready on :${PORTS.prometheus}`, null)];
  const res = await ctx.get(probeUrl(ctx.publishedHost, PORTS.prometheus, "/api/v1/targets"));
  const targets = targetsOf(json(res));
  if (!targets) {
    checks.push(
      check(
        "prometheus.targets",
        "fail",
        `/api/v1/targets: ${describe(res)}`,
        "`gini logs prometheus`",
      ),
    );
    return checks;
  }
  return [...checks, ...targetChecks(ctx, targets)];
};

/** The span-metrics target (missing, up, down or not scraped yet), and any other target down. */
function targetChecks(ctx: DoctorContext, targets: Target[]): Check[] {
  const checks: Check[] = [];
  const wanted = `otel-collector:${ctx.facts.spanMetricsPort}`;
  const span = targets.find((t) => t.address === wanted);
  if (!span) {
    const list = targets.map((t) => t.address).join(", ") || "nothing yet";
    checks.push(
      ctx.facts.scrapesSpanMetrics
        ? check(
            "prometheus.target",
            "warn",
            `prometheus has not picked up its target ${wanted} yet (it scrapes ${list})`,
            "it does within seconds of starting; run `gini doctor` again",
          )
        : check(
            "prometheus.target",
            "fail",
            `prometheus does not scrape ${wanted}, where the span metrics are (it scrapes ${list})`,
            `add "${wanted}" to prometheus.yml's scrape_configs (\`gini validate\` checks it), then \`gini up\``,
          ),
    );
  }
  for (const t of targets) {
    const main = t === span;
    const name = `target ${t.address} (job ${t.job})`;
    if (t.health === "up") {
      if (main) checks.push(check("prometheus.target", "pass", `${name} is up`, null));
    } else if (t.health === "down") {
      checks.push(
        check(
          main ? "prometheus.target" : "prometheus.other-target",
          main ? "fail" : "warn",
          `${name} is down: ${t.lastError || "no error given"}`,
          targetFix(t.lastError),
        ),
      );
    } else if (main) {
      checks.push(
        check(
          "prometheus.target",
          "warn",
          `${name} not scraped yet`,
          `wait one scrape interval (${ctx.facts.scrapeSeconds} s) and run \`gini doctor\` again`,
        ),
      );
    }
  }
  return checks;
}

import { PROMETHEUS_URL } from "../config/index.js";
import { describe, type HttpResponse, isOk, json } from "../health/index.js";
import { NETWORK, PORTS, probeUrl, readyUrl, serviceNamed } from "../stack/index.js";
import { runningApps } from "./app-info.js";
import { promQuery } from "./span-metrics.js";
import { type Check, type CheckGroup, checksOf, type DoctorContext } from "./types.js";

const check = checksOf("jaeger");

/** Jaeger's error message from an API answer, else the HTTP status. */
function jaegerError(r: HttpResponse): string {
  const errors = (json(r) as { errors?: { msg?: string }[] } | undefined)?.errors;
  return errors?.[0]?.msg ?? describe(r);
}

/** The services Jaeger lists, or undefined when it does not answer. */
export async function servicesInJaeger(ctx: DoctorContext): Promise<string[] | undefined> {
  if (!ctx.services.jaeger.running) return undefined;
  // api_v3, the stable API: Jaeger 2.21 removed the internal /api/services.
  const r = await ctx.get(probeUrl(ctx.publishedHost, PORTS.jaegerUi, "/api/v3/services"));
  const body = json(r) as { services?: unknown } | undefined;
  if (!isOk(r) || body === undefined) return undefined;
  // `{}` while Jaeger holds no traces.
  return Array.isArray(body.services) ? body.services.map(String) : [];
}

/** The Monitor tab's call-rate query for one service over the last 15 minutes. */
function callsQuery(ctx: DoctorContext, service: string): Promise<HttpResponse> {
  const q = new URLSearchParams({
    service,
    endTs: String(ctx.now()),
    lookback: "900000",
    step: "15000",
    ratePer: "60000",
  });
  return ctx.get(probeUrl(ctx.publishedHost, PORTS.jaegerUi, `/api/metrics/calls?${q.toString()}`));
}

async function callsCheck(ctx: DoctorContext, service: string): Promise<Check> {
  const id = `jaeger.calls.${service}`;
  const r = await callsQuery(ctx, service);
  if (!isOk(r)) {
    return check(
      id,
      "fail",
      `Monitor tab query for ${service} failed: ${jaegerError(r)}`,
      `Jaeger's metric backend must be ${PROMETHEUS_URL} with prometheus on ${NETWORK} (\`gini validate\`)`,
    );
  }
  const metrics = (json(r) as { metrics?: { metricPoints?: unknown[] }[] } | undefined)?.metrics;
  if (metrics?.some((m) => (m.metricPoints?.length ?? 0) > 0)) {
    return check(id, "pass", `Monitor tab shows call rates for ${service}`, null);
  }
  const { callsMetric, scrapeSeconds } = ctx.facts;
  const samples = await promQuery(
    ctx,
    `max(count_over_time(${callsMetric}{service_name="${service}", span_kind="SPAN_KIND_SERVER"}[5m]))`,
  );
  const scrapes = Number(samples?.[0]?.value[1] ?? 0);
  if (scrapes >= 2) {
    return check(
      id,
      "fail",
      `prometheus has span metrics for ${service}, but Jaeger's Monitor query returns none`,
      "metric_namespace, normalize_calls and latency_unit in config-jaeger.yaml must match the collector (`gini validate`)",
    );
  }
  const wait = scrapes === 1 ? scrapeSeconds : ctx.facts.flushSeconds + 2 * scrapeSeconds;
  return check(
    id,
    "warn",
    scrapes === 1
      ? `no call rates for ${service} yet: a rate needs two scrapes, Prometheus has one`
      : `no call rates for ${service} in the Monitor tab yet: no server spans from it in the span metrics`,
    scrapes === 1
      ? `wait ${wait} s and run \`gini doctor\` again`
      : `send requests to the app (the Monitor tab shows server spans); RED metrics follow within about ${wait} s`,
  );
}

/** 9. Jaeger: UI, /api/v3/services, the Monitor tab's wiring and data for each app. */
export const checkJaeger: CheckGroup = async (ctx) => {
  if (!ctx.services.jaeger.running) {
    return [check("jaeger", "skip", "not checked: jaeger is not running", null)];
  }
  const ui = await ctx.get(readyUrl(serviceNamed("jaeger"), ctx.publishedHost));
  if (!isOk(ui)) {
    return [
      check(
        "jaeger.ui",
        "fail",
        `the UI does not answer on :${PORTS.jaegerUi} (${describe(ui)})`,
        "`gini logs jaeger`",
      ),
    ];
  }
  const checks = [check("jaeger.ui", "pass", `UI answers on :${PORTS.jaegerUi}`, null)];
  const services = await servicesInJaeger(ctx);
  checks.push(
    services === undefined
      ? check("jaeger.services", "fail", "/api/v3/services does not answer", "`gini logs jaeger`")
      : services.length > 0
        ? check("jaeger.services", "pass", `traces from ${services.join(", ")}`, null)
        : check(
            "jaeger.services",
            "warn",
            "no traces yet: /api/v3/services lists no service",
            "send requests to your app; if spans reach the collector but not Jaeger, see the collector's export checks",
          ),
  );
  return [...checks, ...(await monitorChecks(ctx))];
};

/** The Monitor tab: wired to Prometheus, and showing call rates for each running app. */
async function monitorChecks(ctx: DoctorContext): Promise<Check[]> {
  if (!ctx.services.prometheus.running) {
    return [
      check(
        "jaeger.monitor",
        "skip",
        "the Monitor tab is not checked: prometheus is not running",
        null,
      ),
    ];
  }
  // The Monitor tab's own query (Jaeger 2.18 removed /api/metrics/minstep): 501 when no metrics
  // backend is configured, 500 when Prometheus cannot be queried, 200 (maybe empty) when wired.
  const probe = await callsQuery(ctx, "gini-doctor");
  if (!isOk(probe)) {
    const disabled = probe.status === 501;
    return [
      check(
        "jaeger.monitor",
        "fail",
        `the Monitor tab ${disabled ? "is not wired to Prometheus" : "cannot query Prometheus"}: ${jaegerError(probe)}`,
        disabled
          ? "config-jaeger.yaml: jaeger_query.storage.metrics must name a prometheus metric backend (`gini validate`)"
          : `Jaeger's metric backend must be ${PROMETHEUS_URL} with prometheus on ${NETWORK} (\`gini validate\`); \`gini logs jaeger\``,
      ),
    ];
  }
  const apps = await runningApps(ctx);
  const names = [...new Set(apps.map((a) => a.service))];
  return [
    check("jaeger.monitor", "pass", "the Monitor tab queries Prometheus", null),
    ...(await Promise.all(names.map((s) => callsCheck(ctx, s)))),
  ];
}

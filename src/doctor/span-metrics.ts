import { appServicesQuery, servicesByApp } from "../config/index.js";
import { isOk, json } from "../health/index.js";
import { PORTS, probeUrl, readyUrl, serviceNamed } from "../stack/index.js";
import { acceptedSpans } from "./collector.js";
import { type Check, type CheckGroup, checksOf, type DoctorContext } from "./types.js";

const check = checksOf("span-metrics");

/** Runs an instant PromQL query; the result vector, or undefined on any failure. */
export async function promQuery(
  ctx: DoctorContext,
  query: string,
): Promise<{ metric: Record<string, string>; value: [number, string] }[] | undefined> {
  const r = await ctx.get(
    probeUrl(
      ctx.publishedHost,
      PORTS.prometheus,
      `/api/v1/query?query=${encodeURIComponent(query)}`,
    ),
  );
  const result = (json(r) as { data?: { result?: unknown } } | undefined)?.data?.result;
  return isOk(r) && Array.isArray(result) ? result : undefined;
}

/** The services that have span metrics in Prometheus, or undefined when it cannot say. */
export async function servicesWithMetrics(ctx: DoctorContext): Promise<string[] | undefined> {
  if (!ctx.services.prometheus.running) return undefined;
  const rows = await promQuery(ctx, `count by (service_name) (${ctx.facts.callsMetric})`);
  return rows?.map((r) => r.metric.service_name ?? "").filter(Boolean);
}

/** The services each app sends (the gini_app label), or undefined when Prometheus cannot say. */
export async function servicesOfApps(
  ctx: DoctorContext,
): Promise<Record<string, string[]> | undefined> {
  if (!ctx.services.prometheus.running) return undefined;
  const rows = await promQuery(ctx, appServicesQuery(ctx.facts.names));
  return (
    rows &&
    servicesByApp(
      ctx.facts.names,
      rows.map((r) => r.metric),
    )
  );
}

/** 8. The span metrics exist under the configured names; if spans arrived but none yet, how long to wait. */
export const checkSpanMetrics: CheckGroup = async (ctx) => {
  const ready =
    ctx.services.prometheus.running &&
    isOk(await ctx.get(readyUrl(serviceNamed("prometheus"), ctx.publishedHost)));
  if (!ready) {
    return [check("span-metrics", "skip", "not checked: prometheus is not ready", null)];
  }
  const res = await ctx.get(
    probeUrl(ctx.publishedHost, PORTS.prometheus, "/api/v1/label/__name__/values"),
  );
  const names = (json(res) as { data?: unknown } | undefined)?.data;
  if (!isOk(res) || !Array.isArray(names)) {
    return [check("span-metrics", "fail", "prometheus did not list its metric names", null)];
  }
  return names.includes(ctx.facts.callsMetric)
    ? presentChecks(ctx, names as string[])
    : missingChecks(ctx, names as string[]);
};

/** The calls metric exists: for which services, and whether the duration histogram does too. */
async function presentChecks(ctx: DoctorContext, names: string[]): Promise<Check[]> {
  const { callsMetric, durationMetric } = ctx.facts;
  const services = (await servicesWithMetrics(ctx)) ?? [];
  const checks = [
    check(
      "span-metrics.calls",
      "pass",
      `${callsMetric} exists${services.length ? ` for ${services.join(", ")}` : ""}`,
      null,
    ),
  ];
  if (!names.includes(`${durationMetric}_bucket`)) {
    checks.push(
      check(
        "span-metrics.duration",
        "warn",
        `${durationMetric}_bucket is missing, so the Monitor tab shows no latencies`,
        "check the connector's histogram settings (`gini validate`)",
      ),
    );
  }
  return checks;
}

/** The calls metric is missing: under another name, or not yet (and how long to wait). */
async function missingChecks(ctx: DoctorContext, names: string[]): Promise<Check[]> {
  const { callsMetric, flushSeconds, scrapeSeconds } = ctx.facts;
  const lookalikes = names.filter((n) => /(^|_)calls(_total)?$/.test(n));
  if (lookalikes.length > 0) {
    return [
      check(
        "span-metrics.calls",
        "fail",
        `prometheus has ${lookalikes.join(", ")} but not ${callsMetric}, the name Jaeger queries`,
        "use the same namespace in the span_metrics connector and Jaeger's metric_namespace (`gini validate` checks it), then `gini up`",
      ),
    ];
  }
  const wait = flushSeconds + scrapeSeconds;
  const accepted = await acceptedSpans(ctx);
  return [
    accepted
      ? check(
          "span-metrics.calls",
          "warn",
          `spans were received but ${callsMetric} does not exist yet`,
          `wait about ${wait} s (span_metrics flushes every ${flushSeconds} s, Prometheus scrapes every ${scrapeSeconds} s), then run \`gini doctor\` again`,
        )
      : check(
          "span-metrics.calls",
          "warn",
          `${callsMetric} does not exist yet: no spans received`,
          `send some requests to your app; metrics follow within about ${wait} s`,
        ),
  ];
}

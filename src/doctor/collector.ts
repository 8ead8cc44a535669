import { ACCEPTED_SPANS_METRIC } from "../config/index.js";
import { describe, isOk } from "../health/index.js";
import { hostUrl, NETWORK, PORTS, probeUrl, readyUrl, serviceNamed } from "../stack/index.js";
import { plural } from "../text/index.js";
import { counter, counterSum, parsePromText, type TextSample } from "./prom-text.js";
import { type Check, type CheckGroup, checksOf, type DoctorContext } from "./types.js";

const check = checksOf("collector");

const selfMetricsUrl = (ctx: DoctorContext) =>
  probeUrl(ctx.publishedHost, PORTS.selfMetrics, "/metrics");

/** The collector's self-metrics samples, or undefined when they do not answer. */
async function selfMetrics(ctx: DoctorContext): Promise<TextSample[] | undefined> {
  if (!ctx.services["otel-collector"].running) return undefined;
  const r = await ctx.get(selfMetricsUrl(ctx));
  return isOk(r) ? parsePromText(r.body) : undefined;
}

/** Spans the collector's receivers accepted since it started, or undefined when unknown. */
export async function acceptedSpans(ctx: DoctorContext): Promise<number | undefined> {
  const samples = await selfMetrics(ctx);
  return samples ? (counterSum(samples, ACCEPTED_SPANS_METRIC) ?? 0) : undefined;
}

function exporterChecks(samples: TextSample[]): Check[] {
  const byExporter = (name: string) => {
    const m = new Map<string, number>();
    for (const s of counter(samples, name)) {
      const e = s.labels.exporter ?? "?";
      m.set(e, (m.get(e) ?? 0) + s.value);
    }
    return m;
  };
  const sent = byExporter("otelcol_exporter_sent_spans");
  const failed = byExporter("otelcol_exporter_send_failed_spans");
  return [...failed]
    .filter(([, n]) => n > 0)
    .map(([exporter, n]) => {
      const ok = sent.get(exporter) ?? 0;
      return check(
        `collector.export.${exporter}`,
        ok === 0 ? "fail" : "warn",
        `exporter ${exporter} failed to send ${plural(n, "span")} (${ok} sent) since the collector started`,
        `check that jaeger runs and is on ${NETWORK}; the collector logs (above) say why`,
      );
    });
}

/** 6. The collector itself: its health check (the readiness probe); its self-metrics. */
export const checkCollector: CheckGroup = async (ctx) => {
  if (!ctx.services["otel-collector"].running) {
    return [check("collector", "skip", "not checked: the collector is not running", null)];
  }
  const [health, metrics] = await Promise.all([
    ctx.get(readyUrl(serviceNamed("otel-collector"), ctx.publishedHost)),
    ctx.get(selfMetricsUrl(ctx)),
  ]);
  const checks: Check[] = [
    isOk(health)
      ? check("collector.health", "pass", `health check answers on :${PORTS.health}`, null)
      : check(
          "collector.health",
          "fail",
          `health check on :${PORTS.health}: ${describe(health)}`,
          `\`gini logs otel-collector\`; health_check must listen on 0.0.0.0:${PORTS.health} and be in service.extensions`,
        ),
  ];
  if (!isOk(metrics)) {
    checks.push(
      check(
        "collector.self-metrics",
        "warn",
        `its own metrics do not answer on :${PORTS.selfMetrics} (${describe(metrics)})`,
        `serve them with service.telemetry.metrics.readers: a pull prometheus exporter on host 0.0.0.0, port ${PORTS.selfMetrics}`,
      ),
    );
    return checks;
  }
  const samples = parsePromText(metrics.body);
  const accepted = counterSum(samples, ACCEPTED_SPANS_METRIC) ?? 0;
  const refused = counterSum(samples, "otelcol_receiver_refused_spans") ?? 0;
  checks.push(
    accepted > 0
      ? check("collector.spans", "pass", `${accepted} spans received`, null)
      : check(
          "collector.spans",
          "warn",
          "no spans received yet",
          `send some requests to your app (\`gini traffic\` for the demo); it must export to ${hostUrl(ctx.publishedHost, PORTS.otlpGrpc, "")} (gRPC) or :${PORTS.otlpHttp} (HTTP)`,
        ),
  );
  if (refused > 0) {
    checks.push(
      check(
        "collector.refused",
        "warn",
        `${plural(refused, "span")} refused by the receivers`,
        "the memory_limiter refuses data under memory pressure; `gini logs otel-collector` says why",
      ),
    );
  }
  return [...checks, ...exporterChecks(samples)];
};

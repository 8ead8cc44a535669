import type { SpanMetricNames } from "./span-metrics.js";

/**
 * The PromQL that says which services each app sends: the calls counter's series that carry the
 * gini_app label, counted by app and service. One query answers for every app.
 */
export function appServicesQuery(names: SpanMetricNames): string {
  const { app, service } = names.labels;
  return `count by (${app}, ${service}) (${names.calls}{${app}!=""})`;
}

/** The answer of {@link appServicesQuery} (each series' labels) as app → its services, sorted. */
export function servicesByApp(
  names: SpanMetricNames,
  series: readonly Record<string, string>[],
): Record<string, string[]> {
  const { app, service } = names.labels;
  const byApp: Record<string, string[]> = {};
  for (const labels of series) {
    const name = labels[app];
    const sent = labels[service];
    if (!name || !sent) continue;
    const services = (byApp[name] ??= []);
    if (!services.includes(sent)) services.push(sent);
  }
  for (const services of Object.values(byApp)) services.sort();
  return byApp;
}

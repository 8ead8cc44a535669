import {
  appServicesQuery,
  hostUrl,
  PORTS,
  type Project,
  readConfigFacts,
  servicesByApp,
} from "../config/index.js";
import { prometheusAt } from "./prometheus.js";
import { realRedDeps, type RedDeps } from "./source.js";

/**
 * The services each of the project's apps sends, by the gini_app label of its span metrics (gini
 * adds `gini.app=<app>` to every app's resource attributes): app → services. Undefined when
 * Prometheus does not answer. An app missing from the answer has sent nothing yet, or its spans
 * lack the attribute (its env replaced OTEL_RESOURCE_ATTRIBUTES' gini.app, or its SDK ignores the
 * variable), so callers fall back to its service name. Prometheus is on `publishedHost`.
 */
export async function appServices(
  project: Project,
  publishedHost: string,
  deps: RedDeps = realRedDeps(),
): Promise<Record<string, string[]> | undefined> {
  const { names } = await readConfigFacts(project);
  const prom = prometheusAt(hostUrl(publishedHost, PORTS.prometheus, ""), deps.http);
  try {
    const samples = await prom.instant(appServicesQuery(names), deps.now() / 1000);
    return servicesByApp(
      names,
      samples.map((s) => s.labels),
    );
  } catch {
    return undefined; // a Prometheus that does not answer only takes away what the label adds
  }
}

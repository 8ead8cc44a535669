import type { AppConfig } from "../config/index.js";
import { GiniError } from "../errors.js";
import type { Probe } from "../health/index.js";
import { awaitReady, type ReadinessOptions, type ReadyTarget } from "../stack/index.js";

/**
 * Waits for an app's ready URL the way `up` waits for the stack's services, failing fast once
 * `watch.gone` says why the app can no longer get ready, and at the deadline, either way with its
 * last lines and a hint that names it.
 */
export function waitAppReady(
  name: string,
  url: string | undefined,
  watch: Pick<ReadyTarget, "gone" | "lastLines">,
  options: ReadinessOptions,
): Promise<number> {
  return awaitReady(
    {
      label: `app ${name}`,
      url,
      ...watch,
      hint: `its last log lines are above; \`gini logs ${name}\` shows more (fix apps.${name} in gini.yaml)`,
    },
    options,
  );
}

/** An app's ready URL must not answer before the app starts: something else holds its port. */
export async function refuseTakenReadyUrl(
  name: string,
  app: AppConfig,
  probe: Probe,
): Promise<void> {
  if (!app.ready || !(await probe(app.ready)).ok) return;
  const port = new URL(app.ready).port || "80";
  throw new GiniError(
    `app ${name}: ${app.ready} already answers before ${name} started (port ${port} is taken)`,
    {
      hint: `stop what listens there (\`ss -ltnp 'sport = :${port}'\`) or change apps.${name} in gini.yaml`,
    },
  );
}

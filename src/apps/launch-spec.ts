import { createHash } from "node:crypto";

import type { AppConfig } from "../config/index.js";

/**
 * A hash of what gini.yaml says that changes a running host app: its command, folder, env and
 * OTLP transport (which decides the endpoint gini injects). Not `ready` or `depends_on`, which
 * only change how gini waits for it. Keys are sorted, so reordering gini.yaml changes nothing.
 */
export function launchSpec(config: Pick<AppConfig, "command" | "cwd" | "env" | "otlp">): string {
  const env = Object.entries(config.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const spec = [config.command ?? "", config.cwd ?? "", env, config.otlp ?? "grpc"];
  return createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 16);
}

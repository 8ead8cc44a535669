import { type AppFacts, appTarget, otlpEndpoint } from "../apps/index.js";
import { type OtlpTransport, PORTS } from "../config/index.js";
import { findExportError, trimmed } from "./export-errors.js";
import { type Check, checksOf } from "./types.js";

const check = checksOf("apps");

/** `gini up` restarts an app whose gini.yaml entry changed, a detached one too. */
const RESTART = "then run `gini up` again";

/**
 * The app's own log, judged: a failed export there is evidence that outweighs its environment
 * (an app that links one exporter ignores OTEL_EXPORTER_OTLP_PROTOCOL), so it fails the app's
 * check with the mismatch named and the line quoted. Undefined when the log shows no failure. The
 * endpoints its fixes name are on `publishedHost` for a host app.
 */
export function exportEvidence(app: AppFacts, publishedHost: string): Check | undefined {
  const found = findExportError(app.recentLog);
  if (!found) return undefined;
  const endpoint = (transport?: OtlpTransport) =>
    otlpEndpoint(appTarget(app.kind, publishedHost), transport);
  const { entry, line } = found;
  const id = `app.${app.name}`;
  const quote = `its log: ${trimmed(line)}`;
  const sdk = `(${entry.sdk} SDK)`;
  switch (entry.problem) {
    case "http-to-grpc":
      return check(
        id,
        "fail",
        `${app.name} exports OTLP/HTTP to the gRPC port ${PORTS.otlpGrpc} ${sdk}; ${quote}`,
        app.otlp === "http"
          ? `its env points it at port ${PORTS.otlpGrpc}: remove that OTEL_EXPORTER_OTLP_ENDPOINT so \`otlp: http\` gives it ${endpoint("http")}`
          : `set \`otlp: http\` for it in gini.yaml, ${RESTART}`,
      );
    case "grpc-to-http":
      return check(
        id,
        "fail",
        `${app.name} exports OTLP/gRPC to the HTTP port ${PORTS.otlpHttp} ${sdk}; ${quote}`,
        app.otlp === "http"
          ? `remove \`otlp: http\` for it in gini.yaml (its exporter speaks gRPC), ${RESTART}`
          : `its env points it at port ${PORTS.otlpHttp}: remove that OTEL_EXPORTER_OTLP_ENDPOINT so gini gives it ${endpoint()}`,
      );
    case "unreachable":
      return check(
        id,
        "fail",
        `${app.name} cannot reach the collector: its exports are refused ${sdk}; ${quote}`,
        `check that otel-collector runs (\`gini status\`) and that ${app.name} exports to ${endpoint(app.otlp)}`,
      );
  }
}

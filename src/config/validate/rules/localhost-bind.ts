import { findingAt, type ConfigDoc, type KeyPath } from "../document.js";
import { asRecord, get, isLoopback, parseEndpoint, sameType } from "../model.js";
import type { Finding, Rule } from "../types.js";

const RULE = "localhost-bind";
const LISTEN_FIX =
  "use 0.0.0.0:<port>: inside a container, localhost is reachable only from that container, not through Docker's port mapping or gini-network";

/**
 * Inside a container, localhost is the container itself: receivers and listening exporters bound
 * to it are unreachable, and exporters sending to it talk to nobody.
 */
export const localhostBind: Rule = (ctx) => [
  ...(ctx.collector ? checkCollectorStyle(ctx.collector, "collector") : []),
  ...(ctx.jaeger ? checkCollectorStyle(ctx.jaeger, "jaeger") : []),
];

function checkCollectorStyle(doc: ConfigDoc, who: "collector" | "jaeger"): Finding[] {
  const findings: Finding[] = [];
  const receivers = asRecord(get(doc.data, "receivers")) ?? {};
  for (const [id, config] of Object.entries(receivers)) {
    for (const { keys, value } of endpoints(config, ["receivers", id])) {
      if (isLoopback(parseEndpoint(value).host)) {
        findings.push(
          findingAt(
            doc,
            keys,
            "error",
            RULE,
            `receiver "${id}" listens on ${value}, unreachable from outside the ${who} container`,
            LISTEN_FIX,
          ),
        );
      }
    }
    if (!sameType(id, "otlp")) continue;
    for (const [protocol, port] of [
      ["grpc", 4317],
      ["http", 4318],
    ] as const) {
      const block = asRecord(get(config, "protocols"));
      if (block && protocol in block && typeof get(block, protocol, "endpoint") !== "string") {
        findings.push(
          findingAt(
            doc,
            ["receivers", id, "protocols", protocol],
            "error",
            RULE,
            `receiver "${id}" ${protocol} has no endpoint, so it listens on localhost:${port} (the default since collector v0.104)`,
            `set \`endpoint: 0.0.0.0:${port}\``,
          ),
        );
      }
    }
  }
  const exporters = asRecord(get(doc.data, "exporters")) ?? {};
  for (const [id, config] of Object.entries(exporters)) {
    for (const { keys, value } of endpoints(config, ["exporters", id])) {
      if (!isLoopback(parseEndpoint(value).host)) continue;
      findings.push(
        sameType(id, "prometheus")
          ? findingAt(
              doc,
              keys,
              "error",
              RULE,
              `exporter "${id}" serves metrics on ${value}, which Prometheus cannot scrape from its own container`,
              "use `endpoint: 0.0.0.0:8889`",
            )
          : findingAt(
              doc,
              keys,
              "error",
              RULE,
              `exporter "${id}" sends to ${value}, but inside the container localhost is the ${who} itself`,
              "address the other service by its name on gini-network, e.g. jaeger:4317",
            ),
      );
    }
  }
  const extensions = asRecord(get(doc.data, "extensions")) ?? {};
  for (const [id, config] of Object.entries(extensions)) {
    if (sameType(id, "health_check")) {
      const endpoint = get(config, "endpoint");
      const value = typeof endpoint === "string" ? endpoint : "localhost:13133 (the default)";
      if (typeof endpoint !== "string" || isLoopback(parseEndpoint(endpoint).host)) {
        findings.push(
          findingAt(
            doc,
            ["extensions", id],
            "error",
            RULE,
            `extension "${id}" listens on ${value}, so gini's readiness probe cannot reach it`,
            "set `endpoint: 0.0.0.0:13133`",
          ),
        );
      }
    }
    for (const { keys, value } of sameType(id, "jaeger_query")
      ? endpoints(config, ["extensions", id])
      : []) {
      if (isLoopback(parseEndpoint(value).host)) {
        findings.push(
          findingAt(
            doc,
            keys,
            "error",
            RULE,
            `extension "${id}" listens on ${value}, so the Jaeger UI is unreachable from the host`,
            "use 0.0.0.0:16686 for http and 0.0.0.0:16685 for grpc",
          ),
        );
      }
    }
  }
  return findings;
}

/** Every string `endpoint` value under `config`, at any depth, with its key path. */
function endpoints(config: unknown, base: KeyPath): { keys: KeyPath; value: string }[] {
  const record = asRecord(config);
  if (!record) return [];
  return Object.entries(record).flatMap(([key, value]) =>
    key === "endpoint" && typeof value === "string"
      ? [{ keys: [...base, key], value }]
      : endpoints(value, [...base, key]),
  );
}

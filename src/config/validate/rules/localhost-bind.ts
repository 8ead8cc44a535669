import {
  asRecord,
  get,
  isLoopback,
  JAEGER_OTLP_ADDRESS,
  type KeyPath,
  NETWORK,
  parseEndpoint,
  PORTS,
  sameType,
} from "../../model/index.js";
import { type ConfigDoc, findingAt } from "../document.js";
import type { Finding, Rule } from "../types.js";

const RULE = "localhost-bind";
const LISTEN_FIX = `use 0.0.0.0:<port>: inside a container, localhost is reachable only from that container, not through Docker's port mapping or ${NETWORK}`;
/** The OTLP receiver's protocols and the port each listens on by default. */
const OTLP_PROTOCOLS = [
  ["grpc", PORTS.otlpGrpc],
  ["http", PORTS.otlpHttp],
] as const;

/**
 * Inside a container, localhost is the container itself: receivers and listening exporters bound
 * to it are unreachable, and exporters sending to it talk to nobody.
 */
export const localhostBind: Rule = (ctx) =>
  (
    [
      [ctx.collector, "collector"],
      [ctx.jaeger, "jaeger"],
    ] as const
  ).flatMap(([doc, who]) =>
    doc ? [...receivers(doc, who), ...exporters(doc, who), ...extensions(doc)] : [],
  );

type Who = "collector" | "jaeger";

const error = (doc: ConfigDoc, keys: KeyPath, message: string, fix: string): Finding =>
  findingAt({ doc, keys, severity: "error", rule: RULE, message, fix });

const isLocal = (endpoint: string): boolean => {
  const parsed = parseEndpoint(endpoint);
  return parsed !== undefined && isLoopback(parsed.host);
};

function receivers(doc: ConfigDoc, who: Who): Finding[] {
  const findings: Finding[] = [];
  for (const [id, config] of Object.entries(asRecord(get(doc.data, "receivers")) ?? {})) {
    for (const { keys, value } of endpoints(config, ["receivers", id])) {
      if (!isLocal(value)) continue;
      findings.push(
        error(
          doc,
          keys,
          `receiver "${id}" listens on ${value}, unreachable from outside the ${who} container`,
          LISTEN_FIX,
        ),
      );
    }
    if (!sameType(id, "otlp")) continue;
    const block = asRecord(get(config, "protocols"));
    for (const [protocol, port] of OTLP_PROTOCOLS) {
      if (!block || !(protocol in block) || typeof get(block, protocol, "endpoint") === "string") {
        continue;
      }
      findings.push(
        error(
          doc,
          ["receivers", id, "protocols", protocol],
          `receiver "${id}" ${protocol} has no endpoint, so it listens on localhost:${port} (the default since collector v0.104)`,
          `set \`endpoint: 0.0.0.0:${port}\``,
        ),
      );
    }
  }
  return findings;
}

function exporters(doc: ConfigDoc, who: Who): Finding[] {
  return Object.entries(asRecord(get(doc.data, "exporters")) ?? {}).flatMap(([id, config]) =>
    endpoints(config, ["exporters", id])
      .filter(({ value }) => isLocal(value))
      .map(({ keys, value }) =>
        sameType(id, "prometheus")
          ? error(
              doc,
              keys,
              `exporter "${id}" serves metrics on ${value}, which Prometheus cannot scrape from its own container`,
              `use \`endpoint: 0.0.0.0:${PORTS.spanMetrics}\``,
            )
          : error(
              doc,
              keys,
              `exporter "${id}" sends to ${value}, but inside the container localhost is the ${who} itself`,
              `address the other service by its name on ${NETWORK}, e.g. ${JAEGER_OTLP_ADDRESS}`,
            ),
      ),
  );
}

function extensions(doc: ConfigDoc): Finding[] {
  const findings: Finding[] = [];
  for (const [id, config] of Object.entries(asRecord(get(doc.data, "extensions")) ?? {})) {
    if (sameType(id, "health_check")) {
      const endpoint = get(config, "endpoint");
      if (typeof endpoint !== "string" || isLocal(endpoint)) {
        const value =
          typeof endpoint === "string" ? endpoint : `localhost:${PORTS.health} (the default)`;
        findings.push(
          error(
            doc,
            ["extensions", id],
            `extension "${id}" listens on ${value}, so gini's readiness probe cannot reach it`,
            `set \`endpoint: 0.0.0.0:${PORTS.health}\``,
          ),
        );
      }
    }
    if (!sameType(id, "jaeger_query")) continue;
    for (const { keys, value } of endpoints(config, ["extensions", id])) {
      if (!isLocal(value)) continue;
      findings.push(
        error(
          doc,
          keys,
          `extension "${id}" listens on ${value}, so the Jaeger UI is unreachable from the host`,
          `use 0.0.0.0:${PORTS.jaegerUi} for http and 0.0.0.0:${PORTS.jaegerGrpc} for grpc`,
        ),
      );
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

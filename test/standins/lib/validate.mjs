// TEST STAND-IN, not the product: collector-style config validation: unknown component types,
// undefined references in service.pipelines / service.extensions, connector usage.
import { ConfigError, componentType } from "./config.mjs";

export const KINDS = ["receivers", "processors", "exporters", "connectors", "extensions"];
const PIPELINE_TYPES = ["traces", "metrics", "logs"];
const SINGULAR = { receivers: "receiver", processors: "processor", exporters: "exporter" };

/** Throws ConfigError with a message shaped like the real collector's. */
export function validateConfig(cfg, known, factories) {
  for (const kind of KINDS) {
    const section = cfg[kind] ?? {};
    if (typeof section !== "object" || Array.isArray(section))
      throw new ConfigError(
        `cannot unmarshal the configuration: '${kind}' expected a map, got '${typeof section}'`,
      );
    for (const id of Object.keys(section)) {
      const type = componentType(id);
      if (!known[kind].includes(type))
        throw new ConfigError(
          "failed to get config: cannot unmarshal the configuration: decoding failed due to the " +
            `following error(s):\n\n'${kind}' unknown type: "${type}" for id: "${id}" ` +
            `(valid values: [${known[kind].join(" ")}])`,
        );
    }
  }
  for (const kind of ["receivers", "exporters"])
    if (Object.keys(cfg[kind] ?? {}).length === 0)
      throw new ConfigError(
        `invalid configuration: no ${kind.slice(0, -1)} configuration specified in config`,
      );
  for (const kind of KINDS)
    for (const [id, c] of Object.entries(cfg[kind] ?? {}))
      factories[kind]?.[componentType(id)]?.validate?.(id, c ?? {}, cfg);
  const service = cfg.service ?? {};
  const pipelines = service.pipelines ?? {};
  if (Object.keys(pipelines).length === 0)
    throw new ConfigError(
      "invalid configuration: service::pipelines config validation failed: service must have at least one pipeline",
    );
  const connectors = cfg.connectors ?? {};
  const usedAs = { receiver: new Set(), exporter: new Set() };
  for (const [pid, p] of Object.entries(pipelines)) {
    const where = `invalid configuration: service::pipelines::${pid}`;
    if (!PIPELINE_TYPES.includes(componentType(pid)))
      throw new ConfigError(
        `failed to get config: cannot unmarshal the configuration: unknown pipeline type "${componentType(pid)}" for "${pid}"`,
      );
    for (const list of ["receivers", "exporters"])
      if (!p?.[list]?.length)
        throw new ConfigError(`${where}: must have at least one ${SINGULAR[list]}`);
    for (const list of ["receivers", "processors", "exporters"]) {
      for (const ref of p[list] ?? []) {
        const isConnector = list !== "processors" && ref in connectors;
        if (!(ref in (cfg[list] ?? {})) && !isConnector)
          throw new ConfigError(
            `${where}: references ${SINGULAR[list]} "${ref}" which is not configured`,
          );
        if (isConnector) usedAs[SINGULAR[list]].add(ref);
      }
    }
  }
  for (const id of Object.keys(connectors)) {
    if (usedAs.exporter.has(id) && !usedAs.receiver.has(id))
      throw new ConfigError(
        `invalid configuration: connectors::${id}: must be used as both receiver and exporter but is not used as receiver`,
      );
    if (usedAs.receiver.has(id) && !usedAs.exporter.has(id))
      throw new ConfigError(
        `invalid configuration: connectors::${id}: must be used as both receiver and exporter but is not used as exporter`,
      );
  }
  for (const ext of service.extensions ?? [])
    if (!(ext in (cfg.extensions ?? {})))
      throw new ConfigError(
        `invalid configuration: service::extensions: references extension "${ext}" which is not configured`,
      );
}

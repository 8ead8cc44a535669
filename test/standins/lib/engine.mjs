// TEST STAND-IN, not the product: the collector-like service shared by the collector and Jaeger
// stand-ins: loads --config, validates it, wires pipelines, starts components, exits on signals.
import os from "node:os";
import process from "node:process";
import { componentType, ConfigError, configPaths, loadConfig } from "./config.mjs";
import { componentLogger, createLogger } from "./log.mjs";
import { flattenSpans } from "./spans.mjs";
import { createTelemetry, telemetryEndpoint } from "./telemetry.mjs";
import { validateConfig } from "./validate.mjs";

const MAX_DEBUG_SPANS = 10_000;

function fail(log, err) {
  const msg = err instanceof ConfigError ? err.message : `cannot start pipelines: ${err.message}`;
  process.stderr.write(`Error: ${msg}\n`);
  const ts = new Date().toISOString().replace("T", " ").replace(/\..*/, "").replace(/-/g, "/");
  process.stderr.write(`${ts} collector server run finished with error: ${msg}\n`);
  process.exit(1);
}

/**
 * Runs a collector-like binary. known: component types per kind; factories: per kind, type →
 * { validate?(id, cfg, root), create?(id, cfg, ctx) }; types without create are accepted inertly.
 */
export async function runService({ name, version, known, factories, defaultConfig }) {
  const log = createLogger(`service@v${version}/service.go`);
  let cfg;
  try {
    const paths = configPaths();
    if (paths.length === 0 && !defaultConfig)
      throw new ConfigError("at least one config flag must be provided");
    cfg = paths.length ? loadConfig(paths[0]) : defaultConfig;
    validateConfig(cfg, known, factories);
  } catch (err) {
    return fail(log, err);
  }
  log.info(`Starting ${name}...`, { Version: version, NumCPU: os.cpus().length });

  const telemetry = createTelemetry({ serviceName: name, version });
  const spans = [];
  const ctx = { config: cfg, spans, telemetry, storages: new Map(), metricStorages: new Map() };
  const instances = { receivers: {}, exporters: {}, connectors: {}, extensions: {} };
  const make = (kind, id, dataType, extra = {}) => {
    if (id in instances[kind]) return instances[kind][id];
    const factory = factories[kind]?.[componentType(id)];
    const clog = componentLogger(kind.slice(0, -1), id, dataType);
    if (!factory?.create) clog.warn("stand-in: component accepted but not simulated");
    if (factory?.deprecatedFor)
      clog.warn(
        `The "${componentType(id)}" type is deprecated; use "${factory.deprecatedFor}" instead`,
      );
    const inst =
      factory?.create?.(id, cfg[kind]?.[id] ?? {}, { ...ctx, ...extra, log: clog }) ?? {};
    instances[kind][id] = inst;
    return inst;
  };
  const pipelines = Object.entries(cfg.service?.pipelines ?? {});
  const connectorIds = new Set(Object.keys(cfg.connectors ?? {}));
  const sink = (id, type) =>
    connectorIds.has(id) ? make("connectors", id) : make("exporters", id, type);

  try {
    for (const id of cfg.service?.extensions ?? []) make("extensions", id);
    for (const [pid, p] of pipelines) {
      const type = componentType(pid);
      for (const id of p.exporters) sink(id, type);
      if (type !== "metrics") continue;
      for (const rid of p.receivers.filter((r) => connectorIds.has(r)))
        for (const eid of p.exporters)
          make("exporters", eid, type).addSource?.(make("connectors", rid));
    }
    for (const [pid, p] of pipelines) {
      for (const rid of p.receivers.filter((r) => !connectorIds.has(r))) {
        if (rid in instances.receivers) continue;
        const consumers = pipelines
          .filter(([tp, q]) => componentType(tp) === "traces" && q.receivers.includes(rid))
          .flatMap(([, q]) => q.exporters.map((eid) => sink(eid, "traces")));
        const consume = async (req) => {
          spans.push(...flattenSpans(req));
          if (spans.length > MAX_DEBUG_SPANS) spans.splice(0, spans.length - MAX_DEBUG_SPANS);
          for (const c of consumers) await c.consumeTraces?.(req);
        };
        make("receivers", rid, componentType(pid), { consume });
      }
    }
  } catch (err) {
    return fail(log, err);
  }

  const all = (kind) => Object.values(instances[kind]);
  const stopAll = () => {
    for (const kind of ["receivers", "connectors", "exporters", "extensions"])
      for (const inst of all(kind)) {
        try {
          inst.stop?.();
        } catch {
          // shutting down anyway
        }
      }
    telemetry.stop();
  };
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      log.info("Received signal from OS", {
        signal: signal === "SIGTERM" ? "terminated" : "interrupt",
      });
      log.info("Starting shutdown...");
      stopAll();
      log.info("Shutdown complete.");
      process.exit(0);
    });
  }

  try {
    await telemetry.start(telemetryEndpoint(cfg.service?.telemetry?.metrics), log);
    log.info("Starting extensions...");
    for (const inst of all("extensions")) await inst.start?.();
    for (const kind of ["exporters", "connectors", "receivers"])
      for (const inst of all(kind)) await inst.start?.();
    for (const inst of all("extensions")) inst.ready?.();
  } catch (err) {
    stopAll();
    return fail(log, err);
  }
  log.info("Everything is ready. Begin running and processing data.");
  return { config: cfg, instances, ctx };
}

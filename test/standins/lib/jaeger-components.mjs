// TEST STAND-IN, not the product: the Jaeger v2 components the Jaeger stand-in simulates:
// jaeger_storage (memory traces, Prometheus metric backends), jaeger_storage_exporter, jaeger_query.
import { ConfigError } from "./config.mjs";
import { collectorFactories } from "./collector-components.mjs";
import { createJaegerQuery } from "./jaeger-query.mjs";
import { createPromMetricsReader } from "./jaeger-metrics.mjs";
import { createMemoryStore } from "./jaeger-store.mjs";

const storageCfg = (root) => root.extensions?.jaeger_storage ?? {};
const traceRefs = (q) => q.storage?.traces ?? q.trace_storage;
const metricRefs = (q) => q.storage?.metrics ?? q.metric_storage;

function requireBackend(root, kind, name, where) {
  const section = kind === "metrics" ? "metric_backends" : "backends";
  const known = Object.keys(storageCfg(root)[section] ?? {});
  if (!known.includes(name))
    throw new ConfigError(
      `invalid configuration: ${where}: cannot find ${kind} storage '${name}' in jaeger_storage.${section} (known: [${known.join(", ")}])`,
    );
}

function requireExtension(root, where) {
  if (!(root.service?.extensions ?? []).includes("jaeger_storage"))
    throw new ConfigError(
      `${where}: cannot find extension 'jaeger_storage' (make sure it's defined earlier in the config)`,
    );
}

const jaegerStorage = {
  validate(id, cfg) {
    for (const [name, b] of Object.entries(cfg.backends ?? {}))
      if (!b || Object.keys(b).length !== 1)
        throw new ConfigError(
          `invalid configuration: extensions::${id}: storage '${name}': exactly one backend type must be configured`,
        );
    for (const [name, b] of Object.entries(cfg.metric_backends ?? {}))
      if (!b?.prometheus?.endpoint)
        throw new ConfigError(
          `invalid configuration: extensions::${id}: metric storage '${name}': prometheus.endpoint is required`,
        );
  },
  create(_id, cfg, { storages, metricStorages, log }) {
    for (const [name, b] of Object.entries(cfg.backends ?? {})) {
      if (!b.memory)
        log.warn("stand-in: storage simulated in memory", {
          storage: name,
          type: Object.keys(b)[0],
        });
      storages.set(name, createMemoryStore({ maxTraces: b.memory?.max_traces }));
    }
    for (const [name, b] of Object.entries(cfg.metric_backends ?? {}))
      metricStorages.set(name, createPromMetricsReader(b.prometheus));
    return { start: () => log.info("Started jaeger_storage", { backends: [...storages.keys()] }) };
  },
};

const storageExporter = {
  validate(id, cfg, root) {
    requireExtension(root, `exporters::${id}`);
    requireBackend(root, "trace", cfg.trace_storage, `exporters::${id}`);
  },
  create: (_id, cfg, { storages }) => ({
    consumeTraces: (req) => storages.get(cfg.trace_storage).writeTraces(req),
  }),
};

const jaegerQuery = {
  validate(id, cfg, root) {
    requireExtension(root, `extensions::${id}`);
    requireBackend(root, "trace", traceRefs(cfg), `extensions::${id}`);
    if (metricRefs(cfg)) requireBackend(root, "metrics", metricRefs(cfg), `extensions::${id}`);
  },
  create(id, cfg, ctx) {
    let query = null;
    return {
      async start() {
        const store = ctx.storages.get(traceRefs(cfg));
        const metrics = metricRefs(cfg) ? ctx.metricStorages.get(metricRefs(cfg)) : null;
        query = createJaegerQuery(id, cfg, { store, metrics, log: ctx.log });
        await query.start();
      },
      stop: () => query?.stop(),
    };
  },
};

export const jaegerFactories = {
  ...collectorFactories,
  exporters: { ...collectorFactories.exporters, jaeger_storage_exporter: storageExporter },
  extensions: {
    ...collectorFactories.extensions,
    jaeger_storage: jaegerStorage,
    jaeger_query: jaegerQuery,
  },
};

/** What `jaeger` runs without --config: all-in-one with memory storage. */
export const ALL_IN_ONE = {
  service: {
    extensions: ["jaeger_storage", "jaeger_query"],
    pipelines: {
      traces: {
        receivers: ["otlp"],
        processors: ["batch"],
        exporters: ["jaeger_storage_exporter"],
      },
    },
  },
  extensions: {
    jaeger_query: { storage: { traces: "some_store" } },
    jaeger_storage: { backends: { some_store: { memory: { max_traces: 100000 } } } },
  },
  receivers: {
    otlp: { protocols: { grpc: { endpoint: "0.0.0.0:4317" }, http: { endpoint: "0.0.0.0:4318" } } },
  },
  processors: { batch: {} },
  exporters: { jaeger_storage_exporter: { trace_storage: "some_store" } },
};

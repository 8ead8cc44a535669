// TEST STAND-IN, not the product: component types the real binaries know, so a stand-in refuses
// what the real one refuses (e.g. jaeger_storage_exporter in the contrib collector).

const COMMON = {
  receivers: ["otlp", "jaeger", "zipkin", "kafka", "prometheus", "hostmetrics", "nop"],
  processors: ["batch", "memory_limiter", "attributes", "resource", "filter", "transform"],
  // otlp / otlphttp / spanmetrics are the older spellings of otlp_grpc / otlp_http / span_metrics.
  exporters: ["otlp_grpc", "otlp", "otlp_http", "otlphttp", "debug", "prometheus", "kafka", "nop"],
  connectors: ["span_metrics", "spanmetrics", "forward", "servicegraph", "count", "routing"],
  extensions: ["health_check", "healthcheckv2", "pprof", "zpages", "basicauth", "bearertokenauth"],
};

export const CONTRIB_TYPES = {
  receivers: [...COMMON.receivers, "filelog", "dockerstats", "docker_stats", "httpcheck", "statsd"],
  processors: [
    ...COMMON.processors,
    ...["tail_sampling", "probabilistic_sampler", "resourcedetection", "k8sattributes"],
    ...["span", "groupbytrace", "cumulativetodelta", "deltatocumulative", "metricstransform"],
  ],
  exporters: [...COMMON.exporters, "prometheusremotewrite", "file", "zipkin", "loadbalancing"],
  connectors: [...COMMON.connectors, "exceptions", "roundrobin", "failover", "sum"],
  extensions: [...COMMON.extensions, "file_storage", "oauth2client", "headers_setter", "oidc"],
};

export const JAEGER_TYPES = {
  receivers: [...COMMON.receivers],
  processors: [...COMMON.processors, "tail_sampling", "probabilistic_sampler", "adaptive_sampling"],
  exporters: [...COMMON.exporters, "jaeger_storage_exporter", "storage_cleaner"],
  connectors: [...COMMON.connectors],
  extensions: [
    ...COMMON.extensions,
    ...["jaeger_storage", "jaeger_query", "remote_sampling", "expvar", "storage_cleaner"],
  ],
};

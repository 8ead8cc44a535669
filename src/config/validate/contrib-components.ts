import { type ComponentKind, JAEGER_OTLP_ADDRESS } from "../model/index.js";

/**
 * Component types of otelcol-contrib 0.165.0, the pinned image.
 *
 * NOTE: the distribution's manifest (opentelemetry-collector-releases,
 * distributions/otelcol-contrib/manifest.yaml) could not be read at tag v0.165.0; the newest copy
 * available was the v0.159.0 one (main just after the v0.159.0 tag). This list is that manifest's
 * modules by component type: the types of modules added since the previous list come from their
 * metadata.yaml in contrib's main branch, and the renames (`type` and `deprecated_type`) from the
 * 0.165.0 modules themselves: otlpexporter `otlp_grpc`, otlphttpexporter `otlp_http`,
 * spanmetricsconnector `span_metrics`, deltatocumulativeprocessor `delta_to_cumulative` (see
 * DEPRECATED_TYPES). Components the manifest dropped before v0.159.0 (bigip, jmx and signalfx
 * receivers; carbon and sapm exporters; ecs_task_observer and kafkatopics_observer) are gone.
 * Components added to the distribution between 0.159.0 and 0.165.0 are missing: a config using
 * one gets an unknown-component-type error, a warning with a custom collector image.
 *
 * Compared without underscores, so the snake_case renames under way upstream (`signal_to_metrics`)
 * and the old spellings (`signaltometrics`) both match.
 */
const CONTRIB_TYPES: Record<ComponentKind, string> = {
  receivers: `nop otlp obi activedirectoryds aerospike apache apachespark awscloudwatch
    awscontainerinsight awscontainerinsightreceiver awsecscontainermetrics awsfirehose awslambda awss3
    awsxray azureblob azureeventhub azuremonitor carbon chrony cisco_os cloudflare cloudfoundry collectd
    couchdb datadog docker_stats elasticsearch envoyals expvar faro filelog filestats flinkmetrics
    fluentforward github gitlab googlecloudmonitoring googlecloudpubsub googlecloudspanner haproxy
    hostmetrics httpcheck icmp_check icmpcheckreceiver influxdb iis jaeger journald k8s_cluster
    k8s_events k8sobjects kafkametrics kafka kubeletstats libhoney loki macosunifiedlogging memcached
    mongodbatlas mongodb mysql namedpipe netflow nginx nsxt ntp oracledb otlpjsonfile otelarrow
    podman_stats postgresql pprof prometheus prometheusremotewrite purefa purefb pulsar rabbitmq
    receiver_creator redis riak saphana prometheus_simple skywalking snowflake solace splunkenterprise
    splunk_hec stef sqlquery sqlserver sshcheck statsd syslog systemd tcpcheck tcplog tlscheck udplog
    vcenter wavefront snmp webhookevent windowseventlog windowsperfcounters windows_service yanggrpc
    zipkin zookeeper`,
  processors: `batch memory_limiter attributes cumulativetodelta coralogix delta_to_cumulative
    deltatorate drain filter genainormalizer geoip groupbyattrs groupbytrace interval isolationforest
    k8sattributes logdedup metricsgeneration metricstarttime metricstransform probabilistic_sampler
    redaction remotetap resourcedetection resource schema span sumologic tail_sampling transform unroll
    cardinality_guardian`,
  exporters: `debug nop otlp_grpc otlp_http alibabacloud_logservice awscloudwatchlogs awsemf
    awskinesis awsxray awss3 azureblob azuredataexplorer azuremonitor bmchelix cassandra clickhouse
    coralogix datadog dataset doris elasticsearch faro file googlecloud googlecloudpubsub
    googlecloudstorage googlemanagedprometheus honeycombmarker influxdb kafka loadbalancing
    logicmonitor logzio mezmo opensearch otelarrow prometheus prometheusremotewrite pulsar rabbitmq
    sentry signalfx splunk_hec stef sumologic syslog tencentcloud_logservice tinybird zipkin`,
  connectors: `forward count datadog exceptions failover grafanacloud otlpjson roundrobin routing
    servicegraph span_metrics sum signaltometrics`,
  extensions: `zpages ack asapclient aws_iam_dbauth awsproxy azureauth basicauth bearertokenauth
    cgroupruntime datadog awscloudwatchmetricstreams_encoding awslogs_encoding azure_encoding
    googlecloudlogentry_encoding jaeger_encoding json_log_encoding otlp_encoding skywalking_encoding
    text_encoding zipkin_encoding googleclientauth headers_setter health_check http_forwarder
    jaegerremotesampling oauth2client docker_observer ecs_observer host_observer k8s_observer oidc
    opamp pprof sigv4auth file_storage db_storage redis_storage pebble_tail_storage sumologic
    k8s_leader_elector`,
};

/**
 * Types renamed in the collector, keyed by `kind:old type`: the old name still works in 0.165.0
 * but is a deprecated alias (the collector logs a warning for it). From the `deprecated_type` of
 * each 0.165.0 module's metadata.yaml. The `otlp` receiver was not renamed.
 */
const DEPRECATED_TYPES: Record<string, string> = {
  "exporters:otlp": "otlp_grpc",
  "exporters:otlphttp": "otlp_http",
  "connectors:spanmetrics": "span_metrics",
  "processors:deltatocumulative": "delta_to_cumulative",
};

/** The current name of a deprecated type alias in section `kind`, or undefined. */
export function renamedType(kind: ComponentKind, type: string): string | undefined {
  return DEPRECATED_TYPES[`${kind}:${type}`];
}

const flat = (type: string) => type.toLowerCase().replace(/_/g, "");
const KNOWN = Object.fromEntries(
  Object.entries(CONTRIB_TYPES).map(([kind, list]) => [
    kind,
    new Set(list.split(/\s+/).filter(Boolean).map(flat)),
  ]),
) as Record<ComponentKind, Set<string>>;

/** True when `type` is a component of otelcol-contrib in section `kind`, by its name or a deprecated alias. */
export function isContribType(kind: ComponentKind, type: string): boolean {
  return KNOWN[kind].has(flat(type)) || renamedType(kind, type) !== undefined;
}

/** Components that exist only in the Jaeger v2 binary, with the message and fix for each. */
export const JAEGER_ONLY: Record<string, { message: string; fix: string }> = {
  jaeger_storage_exporter: {
    message: `jaeger_storage_exporter exists only in Jaeger v2; in the collector, export to Jaeger with an otlp_grpc exporter to ${JAEGER_OTLP_ADDRESS}`,
    fix: `replace it with \`otlp_grpc: { endpoint: ${JAEGER_OTLP_ADDRESS}, tls: { insecure: true } }\` and list otlp_grpc in the traces pipeline's exporters; Jaeger's storage belongs in config-jaeger.yaml`,
  },
  jaeger_storage: {
    message:
      "jaeger_storage exists only in Jaeger v2; the collector cannot store traces for Jaeger",
    fix: "remove it from the collector config (and from service.extensions); config-jaeger.yaml configures Jaeger's storage",
  },
  jaeger_query: {
    message:
      "jaeger_query exists only in Jaeger v2; the collector cannot serve the Jaeger UI or query Prometheus for it",
    fix: "remove it from the collector config (and from service.extensions); config-jaeger.yaml configures jaeger_query and its Prometheus backend",
  },
  remote_sampling: {
    message: "remote_sampling exists only in Jaeger v2",
    fix: "remove it from the collector config, or use the contrib `jaegerremotesampling` extension",
  },
  remote_storage: {
    message: "remote_storage exists only in Jaeger v2",
    fix: "remove it from the collector config",
  },
  expvar: {
    message: "the expvar extension exists only in Jaeger v2",
    fix: "remove it from the collector config",
  },
  adaptive_sampling: {
    message: "adaptive_sampling exists only in Jaeger v2",
    fix: "remove it from the collector config",
  },
};

/** Types that were moved or removed from the collector, keyed by `kind:type`. */
export const MOVED: Record<string, { message: string; fix: string }> = {
  "exporters:spanmetrics": {
    message: "spanmetrics is a connector, not an exporter",
    fix: "define it under `connectors:` as `span_metrics` (its current name) and list span_metrics as an exporter of the traces pipeline and a receiver of the metrics pipeline",
  },
  "exporters:span_metrics": {
    message: "span_metrics is a connector, not an exporter",
    fix: "define it under `connectors:` and list it as an exporter of the traces pipeline and a receiver of the metrics pipeline",
  },
  "processors:spanmetrics": {
    message:
      "the spanmetrics processor was removed; span metrics come from the span_metrics connector",
    fix: "define span_metrics under `connectors:` and list it as an exporter of the traces pipeline and a receiver of the metrics pipeline",
  },
  "exporters:jaeger": {
    message: "the jaeger exporter was removed from the collector (v0.85); Jaeger v2 takes OTLP",
    fix: `export with \`otlp_grpc: { endpoint: ${JAEGER_OTLP_ADDRESS}, tls: { insecure: true } }\``,
  },
  "exporters:logging": {
    message: "the logging exporter was removed from the collector",
    fix: "use the `debug` exporter instead",
  },
};

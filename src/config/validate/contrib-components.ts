import type { ComponentKind } from "./model.js";

/**
 * Component types of otelcol-contrib (the pinned 0.160 line), from the distribution's manifest.
 * Compared without underscores, so renamed types (`span_metrics`) and their deprecated aliases
 * (`spanmetrics`) both match.
 */
const CONTRIB_TYPES: Record<ComponentKind, string> = {
  receivers: `nop otlp activedirectoryds aerospike apache apachespark awscloudwatch
    awscontainerinsightreceiver awsecscontainermetrics awsfirehose awss3 awsxray azureblob
    azureeventhub azuremonitor bigip carbon chrony cloudflare cloudfoundry collectd couchdb datadog
    docker_stats elasticsearch envoyals expvar faro filelog filestats flinkmetrics fluentforward github
    googlecloudmonitoring googlecloudpubsub googlecloudspanner haproxy hostmetrics httpcheck influxdb
    iis jaeger jmx journald k8s_cluster k8s_events k8sobjects kafkametrics kafka kubeletstats libhoney
    loki memcached mongodbatlas mongodb mysql namedpipe netflow nginx nsxt ntp oracledb otlpjsonfile
    otelarrow podman_stats postgresql prometheus prometheusremotewrite purefa purefb pulsar rabbitmq
    receiver_creator redis riak saphana signalfx prometheus_simple skywalking snowflake solace
    splunkenterprise splunk_hec stef sqlquery sqlserver sshcheck statsd syslog tcpcheck tcplog tlscheck
    udplog vcenter wavefront snmp webhookevent windowseventlog windowsperfcounters zipkin zookeeper
    yanggrpc macosunifiedlogging systemd`,
  processors: `batch memory_limiter attributes cumulativetodelta coralogix deltatocumulative deltatorate
    filter geoip groupbyattrs groupbytrace interval isolationforest k8sattributes logdedup
    metricsgeneration metricstarttime metricstransform probabilistic_sampler redaction remotetap
    resourcedetection resource schema span sumologic tail_sampling transform`,
  exporters: `debug nop otlp otlp_grpc otlphttp alibabacloud_logservice awscloudwatchlogs awsemf
    awskinesis awsxray awss3 azureblob azuredataexplorer azuremonitor bmchelix carbon cassandra
    clickhouse coralogix datadog dataset doris elasticsearch faro file googlecloud googlecloudpubsub
    googlemanagedprometheus honeycombmarker influxdb kafka loadbalancing logicmonitor logzio mezmo
    opensearch otelarrow prometheus prometheusremotewrite pulsar rabbitmq sapm sentry signalfx
    splunk_hec stef sumologic syslog tencentcloud_logservice tinybird zipkin`,
  connectors: `forward count datadog exceptions failover grafanacloud otlpjson roundrobin routing
    servicegraph spanmetrics sum signaltometrics`,
  extensions: `zpages ack asapclient awsproxy azureauth basicauth bearertokenauth cgroupruntime datadog
    awscloudwatchmetricstreams_encoding awslogs_encoding googlecloudlogentry_encoding jaeger_encoding
    json_log_encoding otlp_encoding skywalking_encoding text_encoding zipkin_encoding googleclientauth
    headers_setter health_check http_forwarder jaegerremotesampling oauth2client docker_observer
    ecs_observer ecs_task_observer host_observer k8s_observer kafkatopics_observer oidc opamp pprof
    sigv4auth file_storage db_storage redis_storage sumologic k8s_leader_elector`,
};

const flat = (type: string) => type.toLowerCase().replace(/_/g, "");
const KNOWN = Object.fromEntries(
  Object.entries(CONTRIB_TYPES).map(([kind, list]) => [
    kind,
    new Set(list.split(/\s+/).filter(Boolean).map(flat)),
  ]),
) as Record<ComponentKind, Set<string>>;

/** True when `type` is a component of otelcol-contrib in section `kind`. */
export function isContribType(kind: ComponentKind, type: string): boolean {
  return KNOWN[kind].has(flat(type));
}

/** Components that exist only in the Jaeger v2 binary, with the message and fix for each. */
export const JAEGER_ONLY: Record<string, { message: string; fix: string }> = {
  jaeger_storage_exporter: {
    message:
      "jaeger_storage_exporter exists only in Jaeger v2; in the collector, export to Jaeger with an otlp exporter to jaeger:4317",
    fix: "replace it with `otlp: { endpoint: jaeger:4317, tls: { insecure: true } }` and list otlp in the traces pipeline's exporters; Jaeger's storage belongs in config-jaeger.yaml",
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
    fix: "define it under `connectors:` and list it as an exporter of the traces pipeline and a receiver of the metrics pipeline",
  },
  "processors:spanmetrics": {
    message:
      "the spanmetrics processor was removed; span metrics come from the spanmetrics connector",
    fix: "define spanmetrics under `connectors:` and list it as an exporter of the traces pipeline and a receiver of the metrics pipeline",
  },
  "exporters:jaeger": {
    message: "the jaeger exporter was removed from the collector (v0.85); Jaeger v2 takes OTLP",
    fix: "export with `otlp: { endpoint: jaeger:4317, tls: { insecure: true } }`",
  },
  "exporters:logging": {
    message: "the logging exporter was removed from the collector",
    fix: "use the `debug` exporter instead",
  },
};

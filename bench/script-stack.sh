#!/usr/bin/env bash
# Baseline for the benchmark: what gini.sh did with the docker CLI. `up` runs the three containers
# one after the other with the same flags gini uses, then waits for the same readiness probes
# (polling every 100 ms, like gini); `down` removes them with `docker rm -f` and drops the network.
# Image names come from GINI_OTEL_COLLECTOR_IMAGE, GINI_JAEGER_IMAGE and GINI_PROMETHEUS_IMAGE.
set -euo pipefail
dir=${PROJECT_DIR:-.}
b=127.0.0.1

wait_ready() {
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do sleep 0.1; done
}

case "$1" in
up)
  docker network create gini-network >/dev/null
  docker run -d --name otel-collector --network gini-network --network-alias otel-collector \
    -p $b:4317:4317 -p $b:4318:4318 -p $b:8888:8888 -p $b:8889:8889 -p $b:13133:13133 \
    -v "$dir/config-spm.yaml:/etc/otel-collector-config.yaml:ro" \
    "$GINI_OTEL_COLLECTOR_IMAGE" --config=/etc/otel-collector-config.yaml >/dev/null
  docker run -d --name jaeger --network gini-network --network-alias jaeger -p $b:16686:16686 \
    -v "$dir/config-jaeger.yaml:/etc/jaeger/config.yaml:ro" \
    "$GINI_JAEGER_IMAGE" --config=/etc/jaeger/config.yaml >/dev/null
  docker run -d --name prometheus --network gini-network --network-alias prometheus -p $b:9090:9090 \
    -v "$dir/prometheus.yml:/etc/prometheus/prometheus.yml:ro" \
    "$GINI_PROMETHEUS_IMAGE" >/dev/null
  wait_ready http://$b:13133/
  wait_ready http://$b:16686/
  wait_ready http://$b:9090/-/ready
  ;;
down)
  docker rm -f otel-collector jaeger prometheus >/dev/null
  docker network rm gini-network >/dev/null
  ;;
esac

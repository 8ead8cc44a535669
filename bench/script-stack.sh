#!/usr/bin/env bash
# Baseline for the benchmark: what gini.sh did with the docker CLI. `up` runs the three containers
# one after the other with the same flags gini uses, then waits for the same readiness probes
# (polling every 100 ms, like gini); `down` removes them with `docker rm -f` and drops the network.
# `one SERVICE` runs a single service on an existing network and waits for its probe: the floor
# any `up` has to pay for its slowest service. `create SERVICE` creates its container the same way
# without starting it (for the engine-concurrency measure). `parallel` is the fastest `up` any
# client of this engine could do: the three containers created at once, then started at once,
# then the probes. Everything it creates carries the label
# gini.bench=script, so the benchmark can clean up after an interrupted run without touching
# containers of the same name that someone else started.
# Image names come from GINI_OTEL_COLLECTOR_IMAGE, GINI_JAEGER_IMAGE and GINI_PROMETHEUS_IMAGE.
set -euo pipefail
dir=${PROJECT_DIR:-.}
b=127.0.0.1
label=gini.bench=script
run="run -d"

wait_ready() {
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do sleep 0.1; done
}

run_otel_collector() {
  docker $run --name otel-collector --label $label --network gini-network \
    --network-alias otel-collector \
    -p $b:4317:4317 -p $b:4318:4318 -p $b:8888:8888 -p $b:8889:8889 -p $b:13133:13133 \
    -v "$dir/config-spm.yaml:/etc/otel-collector-config.yaml:ro" \
    "$GINI_OTEL_COLLECTOR_IMAGE" --config=/etc/otel-collector-config.yaml >/dev/null
}
run_jaeger() {
  docker $run --name jaeger --label $label --network gini-network --network-alias jaeger \
    -p $b:16686:16686 -v "$dir/config-jaeger.yaml:/etc/jaeger/config.yaml:ro" \
    "$GINI_JAEGER_IMAGE" --config=/etc/jaeger/config.yaml >/dev/null
}
run_prometheus() {
  docker $run --name prometheus --label $label --network gini-network \
    --network-alias prometheus -p $b:9090:9090 \
    -v "$dir/prometheus.yml:/etc/prometheus/prometheus.yml:ro" \
    "$GINI_PROMETHEUS_IMAGE" >/dev/null
}
ready_otel_collector() { wait_ready http://$b:13133/; }
ready_jaeger() { wait_ready http://$b:16686/; }
ready_prometheus() { wait_ready http://$b:9090/-/ready; }

case "$1" in
up)
  docker network create --label $label gini-network >/dev/null
  run_otel_collector
  run_jaeger
  run_prometheus
  ready_otel_collector
  ready_jaeger
  ready_prometheus
  ;;
parallel)
  docker network create --label $label gini-network >/dev/null
  run=create
  run_otel_collector &
  run_jaeger &
  run_prometheus &
  wait
  docker start otel-collector >/dev/null &
  docker start jaeger >/dev/null &
  docker start prometheus >/dev/null &
  wait
  ready_otel_collector
  ready_jaeger
  ready_prometheus
  ;;
down)
  docker rm -f otel-collector jaeger prometheus >/dev/null
  docker network rm gini-network >/dev/null
  ;;
network)
  docker network create --label $label gini-network >/dev/null
  ;;
one)
  service=${2//-/_}
  "run_$service"
  "ready_$service"
  ;;
create)
  run=create
  "run_${2//-/_}"
  ;;
*)
  echo "usage: $0 up|parallel|down|network|one SERVICE|create SERVICE" >&2
  exit 2
  ;;
esac

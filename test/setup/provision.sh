#!/usr/bin/env bash
# Provisions what the tests need on a Debian machine, as root: a Docker engine (started when none
# answers), Debian's prometheus package (the real binary for the test image, and promtool) and
# Debian's chromium (the browser test). On a machine that already has them, it installs and
# starts nothing.
set -euo pipefail

need=()
command -v docker >/dev/null 2>&1 || need+=(docker.io)
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 || need+=(prometheus)
# The browser test drives the demo UI in Debian's Chromium through playwright-core.
[ -x /usr/bin/chromium ] || need+=(chromium)

if ((${#need[@]} > 0)); then
  if [ "$(id -u)" != 0 ]; then
    echo "provision: missing ${need[*]}; run as root or install them with apt-get" >&2
    exit 1
  fi
  echo "provision: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  # The package may start its own prometheus service; gini's tests need port 9090 free.
  pkill -x prometheus 2>/dev/null || true
fi

if ! docker info >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "provision: no Docker engine answers and only root can start one here" >&2
    exit 1
  fi
  # Without an init system nobody may have mounted the cgroup hierarchies dockerd needs.
  if ! mountpoint -q /sys/fs/cgroup && command -v cgroupfs-mount >/dev/null 2>&1; then
    cgroupfs-mount
  fi
  echo "provision: starting dockerd (log: /tmp/gini-dockerd.log)"
  (setsid dockerd >/tmp/gini-dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  if ! docker info >/dev/null 2>&1; then
    echo "provision: dockerd did not come up; last lines of /tmp/gini-dockerd.log:" >&2
    tail -n 20 /tmp/gini-dockerd.log >&2
    exit 1
  fi
fi
echo "provision: Docker $(docker version --format '{{.Server.Version}}') answers"

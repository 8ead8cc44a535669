#!/usr/bin/env bash
# Provisions what the tests need on a Debian machine, as root: a Docker engine (Debian's docker.io,
# started when none answers), Debian's podman (the second engine, whose service the Podman test
# starts itself), Debian's chromium (the browser test), openssh-server (the ssh:// engine tests run
# their own sshd), iproute2 (the remote-engine and Kubernetes tests' network namespaces), and
# containerd's ctr and the CNI plugins (the Kubernetes test's node). Each probe checks the very
# program that is then run. Go must already be there: the test images are the real collector,
# Jaeger and Prometheus built from their Go modules (test/setup/images.ts). On a machine that
# already has all of it, it installs and starts nothing.
set -euo pipefail

need=()
# The machine may ship a docker client without an engine: what is run below is dockerd.
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
# The second engine of the tests: Podman's Docker-compatible service (test/setup/podman.ts).
command -v podman >/dev/null 2>&1 || need+=(podman)
# The browser test drives the demo UI in Debian's Chromium through playwright-core.
[ -x /usr/bin/chromium ] || need+=(chromium)
# The ssh:// engine test runs its own sshd on loopback (test/ssh-engine.test.ts).
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
# The remote-engine test makes a test host in a network namespace (test/helpers/remote-host.ts).
command -v ip >/dev/null 2>&1 || need+=(iproute2)
# The Kubernetes test's node runs containerd (with its CRI plugin; docker.io depends on it) and
# wires its pods with the standard CNI plugins (test/helpers/kube-cluster.ts).
{ command -v containerd && command -v ctr; } >/dev/null 2>&1 || need+=(containerd)
# The folder is CNI_PLUGINS in test/helpers/kube-node-files.ts.
[ -x /usr/lib/cni/bridge ] || need+=(containernetworking-plugins)

if ((${#need[@]} > 0)); then
  if [ "$(id -u)" != 0 ]; then
    echo "provision: missing ${need[*]}; run as root or install them with apt-get" >&2
    exit 1
  fi
  echo "provision: installing ${need[*]}"
  apt-get update -qq
  # Packages must not start their services (sshd on port 22): the tests start what they need.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  [ -z "$policy" ] || rm -f "$policy"
fi

if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="$PATH:/usr/local/go/bin"
fi
if ! command -v go >/dev/null 2>&1; then
  echo "provision: no Go toolchain: the test images are built from Go modules (install Go 1.26+)" >&2
  exit 1
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
echo "provision: Docker $(docker version --format '{{.Server.Version}}') answers; $(go version)"

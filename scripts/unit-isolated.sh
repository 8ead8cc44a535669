#!/usr/bin/env bash
# Runs the unit project the way it must be able to run anywhere: no network but loopback, no
# Docker or Podman socket, and docker, promtool, chromium and the other binaries of the
# integration tests replaced by stubs that record any call. Needs root (network and mount
# namespaces). Any recorded call fails the run: a unit test that needs one belongs in test/.
set -euo pipefail
cd "$(dirname "$0")/.."
stubs=$(mktemp -d)
trap 'rm -rf "$stubs"' EXIT
for bin in docker dockerd podman promtool prometheus otelcol otelcol-contrib jaeger chromium \
  chromium-browser go curl wget; do
  printf '#!/bin/sh\necho "%s $*" >> "%s/calls"\nexit 127\n' "$bin" "$stubs" >"$stubs/$bin"
  chmod +x "$stubs/$bin"
done
unshare --mount --net sh -c '
  ip link set lo up
  mount -t tmpfs none /run
  [ /var/run -ef /run ] || mount -t tmpfs none /var/run
  PATH="$0:$PATH" DOCKER_HOST=unix:///nonexistent.sock npx vitest run --project unit
' "$stubs"
if [ -s "$stubs/calls" ]; then
  echo "unit tests called binaries they must not need:" >&2
  cat "$stubs/calls" >&2
  exit 1
fi

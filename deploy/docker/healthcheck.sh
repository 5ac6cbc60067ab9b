#!/usr/bin/env bash
# Docker HEALTHCHECK: GET /healthz on this container's own port using bash alone (the JRE image has
# no curl or wget, and starting a JVM for a probe would take longer than the probe itself).
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${HTTP_PORT:-8080}"
printf 'GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r _ status _ <&3
[ "$status" = 200 ]

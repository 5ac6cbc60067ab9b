#!/usr/bin/env bash
# Training run for the image's ahead-of-time class cache (JDK 25, JEP 483/514): runs `serve` on the
# bundled content until /readyz says 200 and stops it with SIGTERM, as Kubernetes would. Readiness
# waits for the warm-up (every command answers its example once), so the cache records the classes
# of start-up, indexing, HTTP and every command: what the container runs. The JVM writes the cache
# as it exits. Usage: aot-train.sh CACHE_FILE (from the folder with the jar).
set -euo pipefail
cache="$1"
port=18080
HTTP_PORT="$port" java -XX:+UseSerialGC -XX:AOTCacheOutput="$cache" -jar kubecon-bot.jar serve >/dev/null 2>&1 &
bot=$!
ready() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /readyz HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  local status
  read -r _ status _ <&3
  exec 3>&-
  [ "$status" = 200 ]
}
for _ in $(seq 600); do
  if ready 2>/dev/null; then
    kill -TERM "$bot"
    wait "$bot" || true   # 143: ended by SIGTERM, as intended
    test -s "$cache"
    exit 0
  fi
  kill -0 "$bot" 2>/dev/null || { echo "aot-train: serve exited before it was ready" >&2; exit 1; }
  sleep 0.1
done
echo "aot-train: serve not ready after 60 s" >&2
kill -TERM "$bot"
exit 1

#!/usr/bin/env bash
# Start-to-ready wall time of `java -jar target/kubecon-bot.jar serve` with the seed content:
# launches it RUNS times (default 7), polls /readyz every 10 ms until 200, then reads the RSS and
# stops it with SIGTERM. Prints each run and the median. Needs curl and a built jar.
# Extra JVM flags: JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-7}"
port="${HTTP_PORT:-18081}"
times=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  HTTP_PORT="$port" java ${JAVA_OPTS:-} -jar target/kubecon-bot.jar serve 2>/dev/null &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "serve exited before it was ready" >&2; exit 1; fi
    if (( ($(date +%s%N) - start) / 1000000 > 30000 )); then echo "not ready after 30 s" >&2; kill "$pid"; exit 1; fi
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 1
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"
  wait "$pid" || true
  times+=("$ms")
  echo "run $i: ready in $ms ms, RSS 1 s after ready $((rss / 1024)) MiB"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
echo "median start-to-ready: $median ms over $runs runs (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"

#!/usr/bin/env bash
# Throughput and latency of GET /api/ask?q=/topic%20wasm under wrk on loopback, for DURATION
# (default 30s), with the answer cache on and then off (CACHE_MAX_ENTRIES=0). HTTP's rate limit is
# raised (1,000,000 a second per client) so that it does not shape the run. Prints
# wrk's report and the bot's RSS (now and peak). Needs wrk (apt-get install wrk) and a built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${HTTP_PORT:-18084}"
duration="${DURATION:-30s}"
url="http://127.0.0.1:$port/api/ask?q=/topic%20wasm"

run() {
  local label="$1"; shift
  env "$@" HTTP_PORT="$port" HTTP_RATE_LIMIT_ANSWERS=1000000 HTTP_RATE_LIMIT_WINDOW=1s \
    java ${JAVA_OPTS:-} -jar target/kubecon-bot.jar serve 2>"/tmp/kubecon-bot-load-$label.log" &
  local pid=$!
  trap 'kill -TERM $pid 2>/dev/null || true' EXIT
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do sleep 0.1; done
  echo "== $label: RSS idle $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status") MiB"
  wrk -t2 -c16 -d"$duration" --latency "$url"
  echo "== $label: RSS after load $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status") MiB," \
    "peak $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status") MiB"
  echo "== $label: responses by status: $(curl -s "http://127.0.0.1:$port/metrics" \
    | grep '^kubecon_bot_requests_total' | tr '\n' ' ')"
  kill -TERM "$pid"
  wait "$pid" || true
  trap - EXIT
}

run cached
run uncached CACHE_MAX_ENTRIES=0
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

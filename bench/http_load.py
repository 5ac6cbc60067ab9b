#!/usr/bin/env python3
"""HTTP load with a client that opens connections freely, against `serve` under the container's flags.

Starts `java $JAVA_OPTS -jar target/kubecon-bot.jar serve` (JAVA_OPTS defaults to what the Docker
image gives a 512Mi container: -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError) on the seed
content, waits until ready and semantic search has loaded, then sends GET /api/ask at RATE requests a second (default 1000) for
DURATION seconds (default 30), open loop: request i starts at i/RATE whether or not earlier ones have
been answered, each on a new connection (`Connection: close`), as a client does that opens another
connection whenever one is busy. The queries cycle through a mix of commands; the answer cache stays
on, as in the container (UNCACHED=1 sets CACHE_MAX_ENTRIES=0). The HTTP rate limit is raised so that
one client address can send this much. Prints the responses by status, the failures (connection
refused, reset, timed out, closed without a response), latency p50/p99/max from each request's
scheduled start (so a slow server cannot hide its queue), how late the client itself started
requests, and the server's peak RSS and CPU time.

MODE=sigterm sends SIGTERM to the server SIGTERM_AT seconds into the run (default: half of DURATION)
and keeps sending. A request counts as dropped when its connection was made (the kernel accepted it)
but no HTTP response came: reset, closed or timed out. That is the figure that must be 0. Refused
connections after the listener closed are counted apart: nothing was sent, and a load balancer
retries them elsewhere. Also prints how long the server took to exit and its exit code.

    python3 bench/http_load.py                                  # 1,000 req/s for 30 s
    MODE=sigterm python3 bench/http_load.py                     # SIGTERM 15 s into it
    RATE=300 DURATION=10 python3 bench/http_load.py             # a quick look
    JAR=/tmp/other.jar MODE=sigterm python3 bench/http_load.py  # another build, to compare
"""
import asyncio
import http.client
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = int(os.environ.get("HTTP_PORT", "18086"))
RATE = float(os.environ.get("RATE", "1000"))
DURATION = float(os.environ.get("DURATION", "30"))
MODE = os.environ.get("MODE", "load")
SIGTERM_AT = float(os.environ.get("SIGTERM_AT", str(DURATION / 2)))
TIMEOUT = float(os.environ.get("REQUEST_TIMEOUT", "10"))
CONTAINER_FLAGS = "-Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
QUERIES = ["/topic wasm", "/ask How large can a Kubernetes cluster get?", "服务网格", "/trend observability",
           "/takeaways 2019", "What was said about GitOps?", "/trends", "/sources"]


def fetch(path):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode()


def steady():
    """Ready, and semantic search has loaded its models (as in a container that has run a while)."""
    try:
        if fetch("/readyz")[0] != 200:
            return False
        metrics = fetch("/metrics")[1]
    except OSError:
        return False
    return "bot_semantic_hybrid 1.0" in metrics or "bot_semantic_hybrid" not in metrics  # absent: semantic off


def proc_status(pid):
    """VmRSS and VmHWM in MiB, and CPU seconds, of a running process (None once it has gone)."""
    try:
        fields = {}
        with open(f"/proc/{pid}/status") as lines:
            for line in lines:
                name, _, value = line.partition(":")
                fields[name] = value.split()
        with open(f"/proc/{pid}/stat") as stat:
            ticks = stat.read().rsplit(")", 1)[1].split()
        cpu = (int(ticks[11]) + int(ticks[12])) / os.sysconf("SC_CLK_TCK")
        return int(fields["VmRSS"][0]) / 1024, int(fields["VmHWM"][0]) / 1024, cpu
    except (OSError, KeyError, IndexError):
        return None


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


class Exchange(asyncio.Protocol):
    """One request on its own connection; `done` gets the bytes received and how the connection ended."""

    def __init__(self, request, done):
        self.request = request
        self.done = done
        self.chunks = []

    def connection_made(self, transport):
        transport.write(self.request)

    def data_received(self, data):
        self.chunks.append(data)

    def connection_lost(self, exc):
        if not self.done.done():
            self.done.set_result((b"".join(self.chunks), exc))


def outcome_of(response, exc):
    if response.startswith(b"HTTP/1.1 "):
        return response[9:12].decode()  # a response arrived, even if a reset followed it
    if response:
        return "garbled"
    if isinstance(exc, ConnectionResetError):
        return "reset"
    return "closed" if exc is None else type(exc).__name__  # closed: EOF without a byte of response


async def one(request, scheduled, results):
    """One request on a new connection: (scheduled start, client lag, seconds, outcome, connected).
    A protocol rather than streams, and asyncio.timeout rather than wait_for: the client must keep
    up with RATE on a core it shares with the server."""
    loop = asyncio.get_running_loop()
    lag = time.monotonic() - scheduled
    connected = False
    transport = None
    done = loop.create_future()
    try:
        async with asyncio.timeout(TIMEOUT):
            transport, _ = await loop.create_connection(lambda: Exchange(request, done), "127.0.0.1", PORT)
            connected = True
            outcome = outcome_of(*await done)
    except ConnectionRefusedError:
        outcome = "refused"
    except ConnectionResetError:
        outcome = "reset"
    except TimeoutError:
        outcome = "timeout"
    except OSError as e:
        outcome = type(e).__name__
    finally:
        if transport is not None:
            transport.abort()
    results.append((scheduled, lag, time.monotonic() - scheduled, outcome, connected))


async def run_load(server, rss_samples):
    results = []
    tasks = set()
    client_cpu = time.process_time()
    start = time.monotonic()
    total = int(RATE * DURATION)
    sigterm_sent = None
    exited = None
    requests = [f"GET /api/ask?q={urllib.parse.quote(q)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .encode() for q in QUERIES]
    for i in range(total):
        scheduled = start + i / RATE
        delay = scheduled - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        if MODE == "sigterm" and sigterm_sent is None and scheduled - start >= SIGTERM_AT:
            server.send_signal(signal.SIGTERM)
            sigterm_sent = time.monotonic()
        if sigterm_sent is not None and exited is None and server.poll() is not None:
            exited = time.monotonic()
        if i % max(1, int(RATE / 2)) == 0:
            sample = proc_status(server.pid)
            if sample:
                rss_samples.append(sample)
        task = asyncio.create_task(one(requests[i % len(requests)], scheduled, results))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    await asyncio.gather(*tasks)
    if sigterm_sent is not None and exited is None:
        await asyncio.to_thread(server.wait, 60)
        exited = time.monotonic()
    return results, start, sigterm_sent, exited, time.process_time() - client_cpu


def report(results, start, sigterm_sent, rss_samples, server, exit_seconds, client_cpu):
    sent = len(results)
    outcomes = Counter(r[3] for r in results)
    ok = [r[2] for r in results if r[3] == "200"]
    print(f"sent {sent} requests at {RATE:.0f}/s over {DURATION:.0f} s, each on a new connection")
    print("  outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items(), key=lambda kv: -kv[1])))
    errors = sum(v for k, v in outcomes.items() if not k.isdigit())
    print(f"  200s {outcomes['200']}, 503s {outcomes['503']}, errors/resets {errors}")
    print(f"  latency of 200s from scheduled start: p50 {percentile(ok, .5) * 1000:.1f} ms, "
          f"p99 {percentile(ok, .99) * 1000:.1f} ms, max {max(ok, default=float('nan')) * 1000:.0f} ms")
    lags = [r[1] for r in results]
    print(f"  client lag starting requests: p50 {percentile(lags, .5) * 1000:.1f} ms, "
          f"p99 {percentile(lags, .99) * 1000:.1f} ms (large: the client, not the server, fell behind); "
          f"client CPU {client_cpu:.1f} s")
    if rss_samples:
        print(f"  server RSS: peak {max(s[1] for s in rss_samples):.0f} MiB (VmHWM), "
              f"CPU {rss_samples[-1][2] - rss_samples[0][2]:.1f} s during the run")
    if sigterm_sent is not None:
        after = [r for r in results if r[0] >= sigterm_sent]
        dropped = [r for r in results if r[4] and not r[3].isdigit()]
        print(f"SIGTERM {sigterm_sent - start:.1f} s in; server exited {exit_seconds:.2f} s later "
              f"with code {server.returncode}")
        print(f"  after SIGTERM: {len(after)} requests: " + ", ".join(
            f"{k} {v}" for k, v in sorted(Counter(r[3] for r in after).items(), key=lambda kv: -kv[1])))
        print(f"  DROPPED (connected, no response): {len(dropped)} "
              f"{dict(Counter(r[3] for r in dropped))}; refused (never connected): {outcomes['refused']}")
    print(f"  (load average now {' '.join(open('/proc/loadavg').read().split()[:3])})")


def main():
    env = dict(os.environ, HTTP_PORT=str(PORT), HTTP_RATE_LIMIT_ANSWERS="1000000", HTTP_RATE_LIMIT_WINDOW="1s")
    if os.environ.get("UNCACHED") == "1":
        env["CACHE_MAX_ENTRIES"] = "0"
    command = ["java", *shlex.split(os.environ.get("JAVA_OPTS", CONTAINER_FLAGS)), "-jar",
               os.environ.get("JAR", "target/kubecon-bot.jar"), "serve"]
    log = tempfile.NamedTemporaryFile(prefix="kubecon-bot-http-load-", suffix=".log", delete=False)
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=log, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not steady():
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"serve did not get ready (exit code {server.poll()}); see {log.name}")
            time.sleep(0.05)
        idle = proc_status(server.pid)
        print(f"{' '.join(command)}: ready, RSS {idle[0]:.0f} MiB")
        rss_samples = [idle]
        results, start, sigterm_sent, exited, client_cpu = asyncio.run(run_load(server, rss_samples))
        exit_seconds = exited - sigterm_sent if sigterm_sent is not None else float("nan")
        if sigterm_sent is None:
            rss_samples.append(proc_status(server.pid))
        report(results, start, sigterm_sent, rss_samples, server, exit_seconds, client_cpu)
        print(f"  server log: {log.name}")
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()

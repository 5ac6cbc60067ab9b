#!/usr/bin/env python3
"""Start-to-ready wall time and RSS of `java -jar target/kubecon-bot.jar serve` on the seed content.

Launches the bot RUNS times (default 7), polls /readyz every 10 ms from this process until it
answers 200, notes the CPU time used so far, reads the RSS a second later, stops the bot with
SIGTERM and times the stop. Prints each run and the medians. Extra JVM flags come from JAVA_OPTS, e.g.
    JAVA_OPTS="-XX:TieredStopAtLevel=1" python3 bench/startup.py
With WAIT_HYBRID=1 (semantic search on) it also waits until /metrics says bot_semantic_hybrid 1 and
reports start-to-hybrid and the RSS 1 s after it, with the models loaded:
    SEARCH_VECTOR_CACHE=/tmp/vectors WAIT_HYBRID=1 python3 bench/startup.py
The bot's own settings come from the environment, so another corpus and index folder are e.g.
    CONTENT_DIRS=/tmp/corpus-10k INDEX_DIR=/tmp/index-10k READY_TIMEOUT=300 python3 bench/startup.py
FLOOR=1 alternates each run of the bot with one of the libraries' floor (dev.kubeconbot.bench.LibraryFloor,
from target/test-classes: `./mvnw test-compile` first): a program that loads what serve must before it is
ready (smartcn's dictionaries, the config through Jackson's YAML parser, the bot's persisted index opened and
searched once, picocli, Logback, Jetty) and nothing of the bot's own, and prints both medians and their ratio:
    FLOOR=1 python3 bench/startup.py
COLD=1 deletes INDEX_DIR before each run, so every run builds the index (the first start); without
it every run after the first reopens the persisted index (a restart). JAR picks another jar (default
target/kubecon-bot.jar): two versions compared on one corpus need an index folder each.
"""
import http.client
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = int(os.environ.get("HTTP_PORT", "18081"))
RUNS = int(os.environ.get("RUNS", "7"))
WAIT_HYBRID = os.environ.get("WAIT_HYBRID") == "1"
READY_TIMEOUT = float(os.environ.get("READY_TIMEOUT", "60"))
COLD = os.environ.get("COLD") == "1"
FLOOR = os.environ.get("FLOOR") == "1"
if FLOOR:
    # The floor opens the bot's index: both need to know where it is.
    os.environ.setdefault("INDEX_DIR", os.path.join(ROOT, "target", "startup-floor-index"))


def ready_status():
    try:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=1)
        connection.request("GET", "/readyz")
        return connection.getresponse().status
    except OSError:
        return None


def hybrid():
    try:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=1)
        connection.request("GET", "/metrics")
        return "bot_semantic_hybrid 1.0" in connection.getresponse().read().decode()
    except OSError:
        return False


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid):
    """CPU time the process has used (user + system): less sensitive than wall time to a busy machine."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(floor=False):
    jar = os.environ.get("JAR", "target/kubecon-bot.jar")
    command = ["java", *shlex.split(os.environ.get("JAVA_OPTS", "")),
               *(["-cp", jar + os.pathsep + "target/test-classes", "dev.kubeconbot.bench.LibraryFloor"] if floor
                 else ["-jar", jar, "serve"])]
    env = dict(os.environ, HTTP_PORT=str(PORT))
    if COLD:
        shutil.rmtree(os.environ["INDEX_DIR"], ignore_errors=True)
    start = time.monotonic()
    bot = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        while ready_status() != 200:
            if bot.poll() is not None:
                sys.exit(f"serve exited with {bot.returncode} before it was ready")
            if time.monotonic() - start > READY_TIMEOUT:
                sys.exit(f"not ready after {READY_TIMEOUT:.0f} s")
            time.sleep(0.01)
        ready_ms = (time.monotonic() - start) * 1000
        cpu = cpu_seconds(bot.pid)
        hybrid_ms = None
        while WAIT_HYBRID and not floor and not hybrid():
            if time.monotonic() - start > 120:
                sys.exit("not hybrid after 120 s")
            time.sleep(0.01)
        if WAIT_HYBRID and not floor:
            hybrid_ms = (time.monotonic() - start) * 1000
        time.sleep(1)
        rss = rss_mib(bot.pid)
        stop = time.monotonic()
        bot.send_signal(signal.SIGTERM)
        bot.wait(timeout=15)
        return ready_ms, cpu, rss, (time.monotonic() - stop) * 1000, hybrid_ms
    finally:
        if bot.poll() is None:
            bot.kill()


def main():
    results = []
    floors = []
    if FLOOR:
        one_run()  # the index the floor opens, built if missing; not counted
    for run in range(1, RUNS + 1):
        ready_ms, cpu, rss, stop_ms, hybrid_ms = one_run()
        results.append((ready_ms, cpu, rss, hybrid_ms))
        after = f"hybrid in {hybrid_ms:.0f} ms, RSS 1 s after hybrid" if WAIT_HYBRID else "RSS 1 s after ready"
        print(f"run {run}: ready in {ready_ms:.0f} ms using {cpu:.2f} s of CPU, {after} {rss:.0f} MiB, "
              f"stopped in {stop_ms:.0f} ms")
        if FLOOR:
            floor_ms, floor_cpu, floor_rss, _, _ = one_run(floor=True)
            floors.append((floor_ms, floor_cpu, floor_rss, ready_ms / floor_ms))
            print(f"       floor: ready in {floor_ms:.0f} ms using {floor_cpu:.2f} s of CPU, RSS {floor_rss:.0f} MiB")
    if FLOOR:
        print(f"median floor start-to-ready {statistics.median(f[0] for f in floors):.0f} ms "
              f"({statistics.median(f[1] for f in floors):.2f} s CPU), RSS {statistics.median(f[2] for f in floors):.0f} MiB; "
              f"bot/floor {statistics.median(f[3] for f in floors):.2f}x (median of the runs' ratios)")
    print(f"median start-to-ready {statistics.median(r[0] for r in results):.0f} ms "
          f"({statistics.median(r[1] for r in results):.2f} s CPU), "
          + (f"median start-to-hybrid {statistics.median(r[3] for r in results):.0f} ms, " if WAIT_HYBRID else "")
          + f"median idle RSS {statistics.median(r[2] for r in results):.0f} MiB over {RUNS} runs "
          f"(load average now {' '.join(open('/proc/loadavg').read().split()[:3])})")


if __name__ == "__main__":
    main()

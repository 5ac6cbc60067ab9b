#!/usr/bin/env python3
"""A content reload while the bot answers: latency during the reload, whether it fits the heap.

Runs `java $JAVA_OPTS -jar target/kubecon-bot.jar serve` on CONTENT_DIRS with INDEX_DIR (the
articles it edits are put back at the end; the index keys articles by path, so the folder is used
where it is, to start from the persisted index), waits until ready, then sends uncached /api/ask queries
from 2 threads for the whole run. After BEFORE seconds (default 5) it edits the content: CHANGE=one
appends a paragraph to one article (the usual edit), CHANGE=all to every article (a `git pull` that
touches everything: the index is rebuilt inside the running bot). It waits for the bot's "content
reloaded" (or "reload failed") line, answers AFTER more seconds (default 3), and prints the latency
before and during the reload, errors, the reload's own time, the peak RSS during the reload (sampled
every 50 ms, with its anonymous part: the heap and the JVM's own memory, and its file part: the
index's mapped files) beside the process's peak since start, heap used, and whether the process is
still alive. JAR picks another jar (default target/kubecon-bot.jar), for paired runs. The container's settings, e.g.
    JAVA_OPTS="-Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError" CONTENT_DIRS=/tmp/corpus-10k \\
      INDEX_DIR=/tmp/index-10k python3 bench/reload.py
"""
import http.client
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = int(os.environ.get("HTTP_PORT", "18085"))
BEFORE = float(os.environ.get("BEFORE", "5"))
AFTER = float(os.environ.get("AFTER", "3"))
CHANGE = os.environ.get("CHANGE", "one")
QUERIES = ["/topic wasm", "/ask How large can a Kubernetes cluster get?", "服务网格", "/trend observability",
           "/takeaways 2019", "What was said about GitOps?"]


def get(path):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status


def status(pid, field):
    with open(f"/proc/{pid}/status") as lines:
        for line in lines:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def heap_used_mib(wait=5.0):
    """Heap used, from /metrics. The JVM's meters are bound just after /readyz turns 200 (binding them
    would take CPU from start-up): until they appear it asks again, for up to `wait` seconds; NaN if they never do."""
    deadline = time.monotonic() + wait
    while True:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
        connection.request("GET", "/metrics")
        text = connection.getresponse().read().decode()
        used = [float(m.group(1)) for m in re.finditer(r'^jvm_memory_used_bytes\{area="heap".*\} (\S+)$', text, re.M)]
        if used:
            return sum(used) / 2**20
        if time.monotonic() > deadline:
            return float("nan")
        time.sleep(0.05)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main():
    content = os.environ["CONTENT_DIRS"]
    work = tempfile.mkdtemp(prefix="kubecon-bot-reload-")
    originals = {}
    log_path = os.path.join(work, "serve.log")
    env = dict(os.environ, HTTP_PORT=str(PORT), CONTENT_DIRS=content, CACHE_MAX_ENTRIES="0",
               RATE_LIMIT_ANSWERS="1000000", RATE_LIMIT_WINDOW="1s",
               HTTP_RATE_LIMIT_ANSWERS="1000000", HTTP_RATE_LIMIT_WINDOW="1s")
    command = ["java", *shlex.split(os.environ.get("JAVA_OPTS", "")), "-jar",
               os.environ.get("JAR", "target/kubecon-bot.jar"), "serve"]
    with open(log_path, "w") as log:
        bot = subprocess.Popen(command, cwd=ROOT, env=env, stderr=log, stdout=subprocess.DEVNULL)
    try:
        start = time.monotonic()
        while True:
            try:
                if get("/readyz") == 200:
                    break
            except OSError:
                pass
            if bot.poll() is not None:
                sys.exit(f"serve exited with {bot.returncode} before it was ready; see {log_path}")
            time.sleep(0.05)
        ready = time.monotonic()
        rss = status(bot.pid, 'VmRSS')
        heap = heap_used_mib()
        print(f"ready in {ready - start:.1f} s; RSS {rss:.0f} MiB, "
              f"heap used {heap:.0f} MiB (its meter read {time.monotonic() - ready:.1f} s after ready)", flush=True)

        samples = []  # (start time, seconds, status)
        stop = threading.Event()

        def ask(offset):
            i = offset
            while not stop.is_set():
                query = "/api/ask?q=" + urllib.parse.quote(QUERIES[i % len(QUERIES)])
                t0 = time.monotonic()
                try:
                    code = get(query)
                except OSError:
                    code = 0
                samples.append((t0, time.monotonic() - t0, code))
                i += 1

        threads = [threading.Thread(target=ask, args=(n,), daemon=True) for n in range(2)]
        for thread in threads:
            thread.start()
        time.sleep(BEFORE)
        peak = {"VmRSS": 0.0, "RssAnon": 0.0, "RssFile": 0.0}
        reloading = threading.Event()

        def sample():
            while not reloading.is_set():
                try:
                    for field in peak:
                        peak[field] = max(peak[field], status(bot.pid, field))
                except OSError:
                    return
                time.sleep(0.05)

        start_peak = status(bot.pid, "VmHWM")
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        edit_start = time.monotonic()
        files = sorted(f for f in os.listdir(content) if f.endswith(".md"))
        for name in files if CHANGE == "all" else files[:1]:
            with open(os.path.join(content, name)) as article:
                originals[name] = article.read()
            with open(os.path.join(content, name), "a") as article:
                article.write("\n\nA paragraph added for the reload benchmark, about Zanzibar-style authorization.\n")
        reloaded = None
        while reloaded is None:
            if bot.poll() is not None:
                break
            with open(log_path) as log:
                for line in log:
                    if "content reloaded" in line or "reload failed" in line:
                        reloaded = line.strip()
            time.sleep(0.2)
        reload_end = time.monotonic()
        reloading.set()
        sampler.join(timeout=5)
        time.sleep(AFTER)
        stop.set()
        for thread in threads:
            thread.join(timeout=35)
        alive = bot.poll() is None
        before = [s for t, s, c in samples if t < edit_start]
        during = [s for t, s, c in samples if edit_start <= t <= reload_end]
        errors = sum(1 for t, s, c in samples if c != 200)
        print(f"change={CHANGE}: {reloaded or 'no reload line'}")
        print(f"  edit to reload done: {reload_end - edit_start:.1f} s; process alive: {alive}; "
              f"non-200 answers: {errors} of {len(samples)}")
        print(f"  latency before: n={len(before)} p50 {percentile(before, .5) * 1000:.1f} ms, "
              f"p99 {percentile(before, .99) * 1000:.1f} ms")
        print(f"  latency during: n={len(during)} p50 {percentile(during, .5) * 1000:.1f} ms, "
              f"p99 {percentile(during, .99) * 1000:.1f} ms, max {max(during, default=float('nan')) * 1000:.0f} ms")
        print(f"  peak RSS during the reload {peak['VmRSS']:.0f} MiB (anonymous {peak['RssAnon']:.0f}, "
              f"files {peak['RssFile']:.0f}); peak before it, since start, {start_peak:.0f} MiB")
        if alive:
            print(f"  RSS now {status(bot.pid, 'VmRSS'):.0f} MiB, peak {status(bot.pid, 'VmHWM'):.0f} MiB; "
                  f"heap used {heap_used_mib():.0f} MiB")
        else:
            print(f"  exit code {bot.returncode}; tail of the log:")
            with open(log_path) as log:
                print("".join(log.readlines()[-5:]))
        print(f"  (load average now {' '.join(open('/proc/loadavg').read().split()[:3])})")
    finally:
        if bot.poll() is None:
            bot.send_signal(signal.SIGTERM)
            bot.wait(timeout=20)
        for name, text in originals.items():
            with open(os.path.join(content, name), "w") as article:
                article.write(text)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

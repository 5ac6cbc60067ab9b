package dev.kubeconbot.discord.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Thread-safe record of every REST request. Waiting uses wait/notify rather than polling, so latency measured
 * through it is not inflated.
 */
final class RequestLog {
    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
        notifyAll();
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    /** The first request (already recorded or yet to come) matching {@code filter}; fails the test on timeout. */
    synchronized RecordedRequest await(Predicate<RecordedRequest> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < requests.size(); checked++) {
                if (filter.test(requests.get(checked))) {
                    return requests.get(checked);
                }
            }
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new AssertionError("No matching request within " + timeout + ". Recorded: " + describe());
            }
            try {
                wait(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a request", e);
            }
        }
    }

    private String describe() {
        if (requests.isEmpty()) {
            return "none";
        }
        List<RecordedRequest> last = requests.subList(Math.max(0, requests.size() - 30), requests.size());
        return last.stream().map(RecordedRequest::toString).collect(Collectors.joining("\n  ", "(last 30)\n  ", ""));
    }
}

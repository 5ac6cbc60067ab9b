package dev.kubeconbot.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * At most {@code limit} answers per user in any {@code window} (a sliding window). Users are kept
 * in a bounded Caffeine cache that forgets them once their window has passed, so memory stays
 * bounded whatever the number of users.
 */
public final class RateLimiter {

  private static final int MAX_USERS = 100_000;

  private final int limit;
  private final Duration window;
  private final Ticker ticker;
  private final Cache<String, Deque<Long>> recent;

  public RateLimiter(int limit, Duration window, Ticker ticker) {
    this.limit = limit;
    this.window = window;
    this.ticker = ticker;
    this.recent = Caffeine.newBuilder().maximumSize(MAX_USERS).expireAfterAccess(window).ticker(ticker).build();
  }

  /** Records a request of {@code user}; empty if allowed, else how long until the next one is. */
  public Optional<Duration> acquire(String user) {
    long now = ticker.read();
    // Grows on demand: a generous limit must not cost its full size for every user.
    Deque<Long> times = recent.get(user, u -> new ArrayDeque<>(Math.min(limit, 16)));
    synchronized (times) {
      while (!times.isEmpty() && now - times.peekFirst() >= window.toNanos()) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        return Optional.of(Duration.ofNanos(times.peekFirst() + window.toNanos() - now));
      }
      times.addLast(now);
      return Optional.empty();
    }
  }
}

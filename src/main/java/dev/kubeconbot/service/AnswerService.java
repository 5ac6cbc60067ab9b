package dev.kubeconbot.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.Choice;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Messages;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.search.Library;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer engine as the long-running front ends (Discord, HTTP) use it: per-user rate limits, a
 * bounded answer cache, one log line and metrics per request. The CLI uses the engine directly. Each
 * front end may have a rate limit of its own ({@link #withRateLimit}) over the same cache and metrics.
 */
public final class AnswerService {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerService.class);

  /**
   * The buckets of latency histograms: a dozen thresholds that SLOs are written against (an answer
   * in 50 ms, a Discord reply within its 3 s deadline), rather than the 69 of Micrometer's default.
   */
  public static final Duration[] LATENCY_BUCKETS = Stream.of(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
      .map(Duration::ofMillis).toArray(Duration[]::new);

  private final AnswerEngine engine;
  private final RateLimiter limiter;
  private final Cache<String, Answer> cache;
  private final boolean caching;
  private final MeterRegistry registry;
  private final Timer latency;
  private final Ticker ticker;
  private static final long RATE_LIMITED_LOG_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
  /** Refused requests since the last line about them, and when that line was written. */
  private final AtomicLong rateLimitedSinceLog = new AtomicLong();
  private final AtomicLong lastRateLimitedLog = new AtomicLong(System.nanoTime() - RATE_LIMITED_LOG_INTERVAL_NANOS);

  /**
   * @param cacheSize most answers kept; 0 disables the cache
   * @param cacheTtl how long an answer is kept
   * @param answersPerWindow how many answers one user gets per {@code window}
   */
  public AnswerService(AnswerEngine engine, int cacheSize, Duration cacheTtl, int answersPerWindow, Duration window,
      MeterRegistry registry, Ticker ticker) {
    this.engine = engine;
    this.limiter = new RateLimiter(answersPerWindow, window, ticker);
    this.caching = cacheSize > 0;
    this.cache = Caffeine.newBuilder()
        .maximumSize(cacheSize)
        .expireAfterWrite(cacheTtl)
        .ticker(ticker)
        .recordStats()
        .build();
    this.registry = registry;
    this.ticker = ticker;
    this.latency = Timer.builder("kubecon.bot.answer.duration")
        .description("Time to answer a request, cache hits included")
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
    CaffeineCacheMetrics.monitor(registry, cache, "answers");
    // Gauges read the current library, so they follow a reload.
    gauge("kubecon.bot.index.articles", "Articles in the index", l -> l.corpus().articles().size());
    gauge("kubecon.bot.index.passages", "Passages in the index", l -> l.corpus().passages().size());
    gauge("kubecon.bot.index.skipped.files", "Content files skipped because they could not be read or parsed",
        l -> l.corpus().skipped().size());
  }

  private AnswerService(AnswerService shared, RateLimiter limiter) {
    this.engine = shared.engine;
    this.limiter = limiter;
    this.cache = shared.cache;
    this.caching = shared.caching;
    this.registry = shared.registry;
    this.latency = shared.latency;
    this.ticker = shared.ticker;
  }

  /** This service with a rate limit of its own, for another front end; the cache and the metrics stay shared. */
  public AnswerService withRateLimit(BotConfig.RateLimit limit) {
    return new AnswerService(this, new RateLimiter(limit.answers(), limit.window(), ticker));
  }

  /** The service with the cache and rate limit of {@code config}, on the system clock. */
  public static AnswerService of(AnswerEngine engine, BotConfig config, MeterRegistry registry) {
    return new AnswerService(engine, config.cache().maxEntries(), config.cache().ttl(), config.rateLimit().answers(),
        config.rateLimit().window(), registry, Ticker.systemTicker());
  }

  private void gauge(String name, String description, ToIntFunction<Library> value) {
    Gauge.builder(name, engine, e -> value.applyAsInt(e.library()))
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  public AnswerEngine engine() {
    return engine;
  }

  /** Answers text as typed in a message or an HTTP query, for {@code user} (a rate-limit key). */
  public Reply ask(String user, String text, Lang lang) {
    Lang answerLang = lang != null ? lang : Lang.detect(text);
    // Over-long text only gets a "too long" message: not worth a cache entry the size of the text.
    String key = text.length() > AnswerEngine.MAX_QUERY_LENGTH ? null : "text|" + answerLang + "|" + text.strip();
    return serve(user, key, text, answerLang, () -> engine.answer(text, answerLang));
  }

  /** Answers a command with its options already split, as slash commands arrive. */
  public Reply run(String user, String command, Map<String, String> options, String echo, Lang lang) {
    String key = "command|" + lang + "|" + command + "|" + new TreeMap<>(options);
    return serve(user, key, echo, lang, () -> engine.answer(command, options, echo, lang));
  }

  /** Autocomplete: from memory, never rate limited (Discord fires it on every keystroke). */
  public List<Choice> complete(String command, String option, String prefix) {
    return engine.complete(command, option, prefix);
  }

  /** Swaps in a new library and forgets answers from the old one, which it returns (see {@link AnswerEngine#swap}). */
  public Library swap(Library library) {
    Library previous = engine.swap(library);
    cache.invalidateAll();
    return previous;
  }

  /** @param key the cache key, or {@code null} to answer without the cache (as when its size is 0) */
  private Reply serve(String user, String key, String echo, Lang lang, Supplier<Answer> compute) {
    long start = System.nanoTime();
    Optional<Duration> wait = limiter.acquire(user);
    if (wait.isPresent()) {
      long seconds = Reply.RateLimited.seconds(wait.get());
      count("-", "rate_limited");
      logRateLimited(seconds);
      return new Reply.RateLimited(wait.get(), Messages.get(lang, "rate.limited", seconds));
    }
    boolean cacheable = caching && key != null;
    boolean[] computed = {!cacheable};
    Answer answer = !cacheable ? compute.get() : cache.get(key, k -> {
      computed[0] = true;
      return compute.get();
    });
    long nanos = System.nanoTime() - start;
    latency.record(Duration.ofNanos(nanos));
    // Help and how-to-ask replies answer the request; only a search that found nothing is no_quotes.
    String outcome = answer.foundNothing() && !answer.guides() ? "no_quotes" : "answered";
    count(answer.command(), outcome);
    LOG.info("request command={} outcome={} cached={} latency_ms={}", answer.command(), outcome, !computed[0],
        String.format("%.2f", nanos / 1e6));
    // A cached answer may have been asked in other words; echo this request's own.
    return new Reply.Answered(answer.withQuery(echo), !computed[0]);
  }

  /**
   * At most one line a second about refused requests, with how many there were: a flood of 429s
   * (30,000 in 30 s) must not become a flood of log lines. The counter has every one.
   */
  private void logRateLimited(long retryAfterSeconds) {
    rateLimitedSinceLog.incrementAndGet();
    long now = System.nanoTime();
    long last = lastRateLimitedLog.get();
    if (now - last >= RATE_LIMITED_LOG_INTERVAL_NANOS && lastRateLimitedLog.compareAndSet(last, now)) {
      LOG.info("request rate_limited retry_after={}s count={}", retryAfterSeconds, rateLimitedSinceLog.getAndSet(0));
    }
  }

  /** Counts a request that failed with an exception; the front end reports the error to the user. */
  public void countError(String command) {
    count(command, "error");
  }

  /** {@link #countError(String)}, with the time the failed request took, so failures show in the latency too. */
  public void countError(String command, Duration took) {
    latency.record(took);
    countError(command);
  }

  private void count(String command, String outcome) {
    Counter.builder("kubecon.bot.requests")
        .description("Requests by command and outcome")
        .tag("command", command)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}

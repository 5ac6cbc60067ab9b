package dev.kubeconbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.TimeUtil;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Discord's rate limit on interaction callbacks from making the first response late. JDA waits
 * out a 429 for the whole seconds of its {@code Retry-After} header (2.4 s becomes 3 s: past the
 * interaction's 3 s deadline, after which Discord refuses any response). This interceptor, on JDA's
 * HTTP client, retries a rate-limited callback itself after the exact wait Discord names, as long as
 * the retry can still reach Discord within the deadline (otherwise JDA gets the 429 as before). It
 * also remembers when Discord last limited a callback, so that the responder then defers at once
 * ({@link #limitedRecently}): the first callback is then the smallest one, sent before any work,
 * with all of the 3 s left for the limit, and the answer follows as an edit, on a route of its own.
 */
final class CallbackRateLimit implements Interceptor {

  /** Discord's deadline for the first response to an interaction, from its creation. */
  static final Duration DEADLINE = Duration.ofSeconds(3);
  /** How long the responder keeps deferring at once after Discord limited a callback. */
  static final Duration DEFER_WHILE = Duration.ofSeconds(30);
  private static final Pattern CALLBACK = Pattern.compile("/interactions/(\\d+)/[^/]+/callback$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(CallbackRateLimit.class);

  private final Counter retried;
  private final Counter late;
  /** When Discord last answered a callback with 429 ({@link System#nanoTime}); {@code null} before that. */
  private volatile Long lastLimited;

  CallbackRateLimit(MeterRegistry registry) {
    this.retried = counter(registry, "retried");
    this.late = counter(registry, "late");
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("kubecon.bot.discord.callback.rate_limited")
        .description("Interaction callbacks Discord answered 429: retried within the deadline, or too late for that")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** JDA's HTTP client with this interceptor (and JDA's own connection pool settings). */
  OkHttpClient.Builder client() {
    return new OkHttpClient.Builder().connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS)).addInterceptor(this);
  }

  /** Whether Discord limited a callback within {@link #DEFER_WHILE}. */
  boolean limitedRecently() {
    Long last = lastLimited;
    return last != null && System.nanoTime() - last < DEFER_WHILE.toNanos();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Matcher callback = CALLBACK.matcher(request.url().encodedPath());
    boolean resendable = request.body() == null || !request.body().isOneShot();
    if (!request.method().equals("POST") || !callback.find() || !resendable) {
      return chain.proceed(request);
    }
    // No margin: a retry that might just make it beats JDA's, which cannot; past the deadline, JDA's
    // retry is as good as none, and the thread is not held for it.
    long deadline = TimeUtil.getTimeCreated(Long.parseLong(callback.group(1))).toInstant().toEpochMilli()
        + DEADLINE.toMillis();
    Response response = chain.proceed(request);
    while (response.code() == 429) {
      lastLimited = System.nanoTime();
      long wait = retryAfterMillis(response);
      if (System.currentTimeMillis() + wait > deadline) {
        late.increment();
        LOG.debug("callback rate limited for {} ms, past the interaction's deadline", wait);
        return response;
      }
      retried.increment();
      LOG.debug("callback rate limited; retrying in {} ms, within the interaction's deadline", wait);
      response.close();
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting out a rate limit");
      }
      response = chain.proceed(request);
    }
    return response;
  }

  /**
   * The wait Discord names, to the millisecond: the body's {@code retry_after} or the
   * {@code X-RateLimit-Reset-After} header (seconds with decimals), else {@code Retry-After} (whole seconds).
   */
  private static long retryAfterMillis(Response response) throws IOException {
    JsonNode body = parse(response.peekBody(4096).string());
    String resetAfter = response.header("X-RateLimit-Reset-After");
    String retryAfter = response.header("Retry-After", "1");
    double seconds = body.path("retry_after").isNumber() ? body.path("retry_after").asDouble()
        : resetAfter != null ? parseSeconds(resetAfter) : parseSeconds(retryAfter);
    return (long) Math.ceil(Math.max(0, seconds) * 1000);
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      return json == null ? JSON.missingNode() : json;
    } catch (IOException e) {
      return JSON.missingNode(); // Cloudflare's 429s are HTML
    }
  }

  private static double parseSeconds(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}

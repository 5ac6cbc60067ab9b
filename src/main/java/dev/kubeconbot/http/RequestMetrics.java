package dev.kubeconbot.http;

import dev.kubeconbot.service.AnswerService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;

/**
 * {@code kubecon_bot_http_server_requests_seconds{method,route,status}}: every HTTP response with its
 * time, by endpoint and status, so that a dashboard shows 5xx and 429 rates and latency per route.
 * Unknown paths and methods are counted as {@code other}, so that a scanner cannot grow the series.
 */
final class RequestMetrics {

  private static final Set<String> METHODS = Set.of("GET", "HEAD");

  private final MeterRegistry registry;
  private final Set<String> routes;

  RequestMetrics(MeterRegistry registry, Set<String> routes) {
    this.registry = registry;
    this.routes = Set.copyOf(routes);
  }

  /** Records one response to {@code method path} with {@code status}, which took {@code time}. */
  void record(String method, String path, int status, Duration time) {
    Timer.builder("kubecon.bot.http.server.requests")
        .description("HTTP responses by method, route and status")
        .tag("method", METHODS.contains(method) ? method : "other")
        .tag("route", routes.contains(path) ? path : "other")
        .tag("status", Integer.toString(status))
        .serviceLevelObjectives(AnswerService.LATENCY_BUCKETS)
        .register(registry)
        .record(time);
  }
}

package dev.kubeconbot.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.render.AnswerJson;
import dev.kubeconbot.render.AnswerChart;
import dev.kubeconbot.service.AnswerService;
import dev.kubeconbot.service.Reply;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's HTTP endpoints on the JDK's built-in server, one virtual thread per request:
 * {@code /healthz}, {@code /readyz}, {@code /metrics}, {@code /api/ask?q=…},
 * {@code /api/trend.png?topic=…} and {@code /api/trends.png?edition=…&vs=…}. Nothing here decides
 * an answer; it only translates between HTTP and {@link AnswerService}.
 */
public final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /** HEAD too, for probes and load balancers that check with it. */
  private static final Set<String> ALLOWED_METHODS = Set.of("GET", "HEAD");

  private final ServiceStatus status;
  private final Map<String, Function<HttpExchange, Response>> routes;
  /** Requests being handled; shutdown waits for them. */
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;
  private final RequestMetrics requests;

  private HttpApi(ServiceStatus status, PrometheusMeterRegistry registry, HttpServer server) {
    this.status = status;
    this.server = server;
    this.routes = Map.of(
        "/healthz", exchange -> health(),
        "/readyz", exchange -> readiness(),
        "/metrics", exchange -> Response.text(200, PROMETHEUS_TYPE, registry.scrape()),
        "/api/ask", this::ask,
        "/api/trend.png", this::trendChart,
        "/api/trends.png", this::trendsChart);
    this.requests = new RequestMetrics(registry, routes.keySet());
  }

  /** Listens on {@code host:port} (port 0 picks a free one) and serves until {@link #stop}. */
  public static HttpApi start(String host, int port, ServiceStatus status, PrometheusMeterRegistry registry)
      throws IOException {
    // Otherwise Nagle's algorithm and delayed ACKs hold back each small response by ~40 ms.
    // The JDK server reads this once, when its first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    HttpApi api = new HttpApi(status, registry, server);
    server.createContext("/", api::handle);
    server.setExecutor(api.executor);
    server.start();
    return api;
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * Waits until answers under way are sent (or {@code deadline} passes), then closes the server. New
   * answers are refused by then, because {@link ServiceStatus#answers()} is empty once shutdown begins.
   */
  public void stop(Instant deadline) {
    while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (inFlight.get() > 0) {
      LOG.warn("{} HTTP answers still running at the end of the shutdown grace; closing anyway", inFlight.get());
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    // Counted until the response is written: stopping between answer and write would drop it.
    long start = System.nanoTime();
    inFlight.incrementAndGet();
    try (exchange) {
      Response response = respond(exchange);
      send(exchange, response, exchange.getRequestMethod().equals("HEAD"));
      requests.record(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), response.status(),
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private Response respond(HttpExchange exchange) {
    Function<HttpExchange, Response> route = routes.get(exchange.getRequestURI().getPath());
    if (route == null) {
      return Response.error(404, "not found; endpoints: /healthz, /readyz, /metrics, /api/ask?q=…, /api/trend.png?topic=…, /api/trends.png?edition=…");
    }
    if (!ALLOWED_METHODS.contains(exchange.getRequestMethod())) {
      return Response.error(405, "method not allowed; use GET").withHeader("Allow", "GET, HEAD");
    }
    try {
      return route.apply(exchange);
    } catch (RuntimeException e) {
      LOG.error("{} failed", exchange.getRequestURI().getPath(), e);
      return Response.error(500, "internal error");
    }
  }

  private Response health() {
    return status.alive() ? Response.fields(200, "status", "alive") : Response.fields(503, "status", "shutting down");
  }

  private Response readiness() {
    return status.notReadyReason()
        .map(reason -> Response.fields(503, "status", "not ready", "reason", reason))
        .orElseGet(() -> status.contentWarning()
            .map(warning -> Response.fields(200, "status", "ready", "content", warning))
            .orElseGet(() -> Response.fields(200, "status", "ready")));
  }

  private Response ask(HttpExchange exchange) {
    return answer(exchange, "q", "/api/ask?q=/topic%20wasm",
        (service, user, query) -> service.ask(user, query, null),
        answer -> Response.json(200, AnswerJson.of(answer)));
  }

  /** The /trend chart of {@code topic} as a PNG, labelled in {@code lang} (en-US, zh-CN, zh-TW). */
  private Response trendChart(HttpExchange exchange) {
    Lang lang;
    try {
      lang = lang(exchange);
    } catch (QueryString.BadParameter e) {
      return Response.error(400, e.getMessage());
    }
    return answer(exchange, "topic", "/api/trend.png?topic=observability",
        (service, user, topic) -> service.run(user, "trend", Map.of("topic", topic), "/trend " + topic, lang),
        answer -> chart(answer, lang));
  }

  /**
   * The /trends heat map of {@code edition} (default: the latest) against {@code vs} (default: the
   * editions before it) as a PNG, labelled in {@code lang}.
   */
  private Response trendsChart(HttpExchange exchange) {
    Lang lang;
    Map<String, String> options = new LinkedHashMap<>();
    try {
      lang = lang(exchange);
      for (String option : List.of("edition", "vs")) {
        QueryString.parameter(exchange.getRequestURI().getRawQuery(), option)
            .filter(value -> !value.isBlank())
            .ifPresent(value -> options.put(option, value));
      }
    } catch (QueryString.BadParameter e) {
      return Response.error(400, e.getMessage());
    }
    String echo = "/trends" + (options.containsKey("edition") ? " " + options.get("edition") : "")
        + (options.containsKey("vs") ? " vs " + options.get("vs") : "");
    return answer(exchange, (service, user) -> service.run(user, "trends", options, echo, lang),
        answer -> chart(answer, lang));
  }

  private static Lang lang(HttpExchange exchange) throws QueryString.BadParameter {
    return Lang.of(QueryString.parameter(exchange.getRequestURI().getRawQuery(), "lang").orElse("en-US"));
  }

  /** The answer's chart, or a 404 with the answer's message when it has none (nothing found, a bad edition). */
  private static Response chart(Answer answer, Lang lang) {
    return AnswerChart.png(answer.content(), lang)
        .map(Response::png)
        .orElseGet(() -> Response.error(404, answer.message()));
  }

  /** How an endpoint asks the answer service, given the client and the query parameter. */
  private interface Asking {
    Reply ask(AnswerService service, String user, String query);
  }

  /** How an endpoint asks the answer service, given the client. */
  private interface Request {
    Reply ask(AnswerService service, String user);
  }

  /** {@link #answer(HttpExchange, Request, Function)} for the query in {@code parameter}, which must not be blank. */
  private Response answer(HttpExchange exchange, String parameter, String example, Asking asking,
      Function<Answer, Response> render) {
    String query;
    try {
      query = QueryString.parameter(exchange.getRequestURI().getRawQuery(), parameter).orElse("");
    } catch (QueryString.BadParameter e) {
      return Response.error(400, e.getMessage());
    }
    if (query.isBlank()) {
      return Response.error(400, "missing query: use " + example);
    }
    return answer(exchange, (service, user) -> asking.ask(service, user, query), render);
  }

  /**
   * The shared path of the answer endpoints: refuse while not ready, ask with the client address as
   * the rate-limit key, and render the answer or a 429.
   */
  private Response answer(HttpExchange exchange, Request request, Function<Answer, Response> render) {
    Optional<AnswerService> answers = status.answers();
    if (answers.isEmpty()) {
      return Response.error(503, "not ready: " + status.notReadyReason().orElse("starting"))
          .withHeader("Retry-After", "1");
    }
    // One rate-limit bucket per client address (behind a proxy: per proxy).
    String user = "http:" + exchange.getRemoteAddress().getAddress().getHostAddress();
    return switch (request.ask(answers.get(), user)) {
      case Reply.Answered answered -> render.apply(answered.answer());
      case Reply.RateLimited limited -> Response.error(429, limited.message())
          .withHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
    };
  }

  /** Sends {@code response}; for HEAD only its status and headers. */
  private static void send(HttpExchange exchange, Response response, boolean headOnly) throws IOException {
    byte[] body = headOnly ? new byte[0] : response.body();
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

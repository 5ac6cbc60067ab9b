package dev.kubeconbot.http;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.render.AnswerChart;
import dev.kubeconbot.render.AnswerJson;
import dev.kubeconbot.service.AnswerService;
import dev.kubeconbot.service.Reply;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's HTTP endpoints, on embedded Jetty with handlers on virtual threads: {@code /healthz},
 * {@code /readyz}, {@code /metrics}, {@code /api/ask?q=…}, {@code /api/trend.png?topic=…} and
 * {@code /api/trends.png?edition=…&vs=…}.
 * Nothing here decides an answer; it only translates between HTTP and {@link AnswerService}.
 *
 * <p>Jetty rather than the JDK's server because the front must hold under hostile load, and the
 * JDK's cannot be made to: it has no limit on connections or header time, answers a malformed
 * request line with its own HTML page, and resets oversized URLs and headers instead of a 414/431.
 * Here: at most {@link #MAX_CONNECTIONS} connections (beyond them, accepting pauses), a connection
 * that completes no request within the request timeout ({@code http.requestTimeout}) is closed, at most {@link #MAX_ANSWERING}
 * answers are computed at once with {@link #MAX_WAITING} more waiting (beyond that a fast 503 with
 * {@code Retry-After}), and every error, Jetty's own included, is the documented JSON.
 */
public final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /** HEAD too, for probes and load balancers that check with it. */
  private static final Set<String> ALLOWED_METHODS = Set.of("GET", "HEAD");

  /** Enough for every client a small replica should serve; each costs a few KB while idle. */
  static final int MAX_CONNECTIONS = 512;
  /** Answers are CPU-bound: a few per core keep every core busy without piling up memory. */
  static final int MAX_ANSWERING = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  /** Requests that may wait for an answer slot; beyond this the client is better told to retry. */
  static final int MAX_WAITING = 64;
  /** Request line and headers; longer URLs get 414, larger headers 431. */
  private static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
  /** At stop, this long without a new connection means the accept backlog is empty. */
  private static final Duration DRAIN_QUIET = Duration.ofMillis(100);
  /** At stop, the longest the accept backlog is drained, so that clients that never stop connecting cannot hold up the stop. */
  private static final Duration DRAIN_AT_MOST = Duration.ofSeconds(1);

  private final ServiceStatus status;
  private final Map<String, Function<Call, Response>> routes;
  private final Server server;
  private final ServerConnector connector;
  private final SlowClients slowClients;
  private final NetworkConnectionLimit connectionLimit;
  /** Set when stop begins: every response closes its connection, so that clients move to other replicas. */
  private volatile boolean draining;
  private final Semaphore answering = new Semaphore(MAX_ANSWERING);
  private final RequestMetrics requests;
  /** Answer requests admitted: computing or waiting for a slot. */
  private final AtomicInteger admitted = new AtomicInteger();

  /** What a route needs of a request. */
  private record Call(String rawQuery, String client) {}

  private HttpApi(BotConfig.Http config, ServiceStatus status, PrometheusMeterRegistry registry) {
    this.status = status;
    this.slowClients = new SlowClients(config.requestTimeout());
    this.routes = Map.of(
        "/healthz", call -> health(),
        "/readyz", call -> readiness(),
        "/metrics", call -> Response.text(200, PROMETHEUS_TYPE, registry.scrape()),
        "/api/ask", this::ask,
        "/api/trend.png", this::trendChart,
        "/api/trends.png", this::trendsChart);
    this.requests = new RequestMetrics(registry, routes.keySet());
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("http");
    // Blocking handlers run on virtual threads: a request waiting for an answer slot costs little.
    threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("http-", 0).factory()));
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    http.setIdleTimeout(config.requestTimeout().toMillis());
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.requestTimeout().toMillis());
    connector.addBean(slowClients);
    server.addConnector(connector);
    connectionLimit = new NetworkConnectionLimit(MAX_CONNECTIONS, connector);
    server.addBean(connectionLimit);
    server.setErrorHandler(new JsonErrors());
    // Shutdown stops accepting, then lets requests already received finish (see stop).
    server.setHandler(new GracefulHandler(new Routes()));
    server.setStopAtShutdown(false);
  }

  /**
   * How many object references fill a cache line, which Jetty's request queue pads to. Jetty works it
   * out, unless told, by starting the JMX server to ask whether references are compressed: a tenth of
   * a second of a cold start, before HTTP listens. They are, with any heap under 32 GB.
   */
  private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  static {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      long compressedUpTo = 32L << 30;
      System.setProperty(REFERENCES_PER_CACHE_LINE, Runtime.getRuntime().maxMemory() < compressedUpTo ? "16" : "8");
    }
  }

  /** Listens on the configured host and port (port 0 picks a free one) and serves until {@link #stop}. */
  public static HttpApi start(BotConfig.Http config, ServiceStatus status, PrometheusMeterRegistry registry)
      throws IOException {
    HttpApi api = new HttpApi(config, status, registry);
    try {
      api.server.start();
    } catch (IOException e) {
      api.slowClients.close();
      throw e;
    } catch (Exception e) {
      api.slowClients.close();
      throw new IOException("HTTP server failed to start: " + e.getMessage(), e);
    }
    return api;
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(), connector.getLocalPort());
  }

  /**
   * Answers the connections already waiting to be accepted, then stops accepting and lets every
   * request already received finish until {@code deadline}, then closes.
   */
  public void stop(Instant deadline) {
    drainAcceptBacklog(deadline);
    long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
    server.setStopTimeout(left);
    // Jetty's stop waits for every connection to close, and gives each this long without activity
    // (1 s by default): under load a connection accepted but not yet read would be closed unanswered.
    // Idle keep-alive connections are already closed (see drainAcceptBacklog), and the rest close
    // after their response, which Jetty marks Connection: close while stopping.
    connector.setShutdownIdleTimeout(left);
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("HTTP did not stop cleanly: {}", e.toString());
    } finally {
      slowClients.close();
    }
  }

  /**
   * Closing the listening socket makes the kernel reset every connection still in its accept
   * backlog, requests sent on them and all: those that arrived an instant ago, and those waiting for
   * a slot of the connection limit. So before Jetty closes it, HTTP goes on accepting until no
   * connection has arrived for {@link #DRAIN_QUIET} and accepting is not held back by the limit (at
   * most {@link #DRAIN_AT_MOST}, and half the time left), answers each request with
   * {@code Connection: close} and closes keep-alive connections waiting between requests, which
   * frees their slots. Readiness already fails, so the load balancer sends no more; a connection
   * that arrives in the instant between the last accept and the close is still reset, which only
   * the kernel could prevent.
   */
  private void drainAcceptBacklog(Instant deadline) {
    draining = true;
    long start = System.nanoTime();
    long until = start + Math.min(DRAIN_AT_MOST.toNanos(), Duration.between(Instant.now(), deadline).toNanos() / 2);
    long busy = start;
    while (System.nanoTime() < until) {
      slowClients.closeIdle();
      if (connectionLimit.getNetworkConnectionCount() >= connectionLimit.getMaxNetworkConnectionCount()) {
        busy = System.nanoTime();
      }
      if (System.nanoTime() - Math.max(busy, slowClients.lastOpened()) >= DRAIN_QUIET.toNanos()) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
      long start = System.nanoTime();
      Connection connection = request.getConnectionMetaData().getConnection();
      slowClients.handling(connection);
      Response reply = draining ? respond(request).withHeader("Connection", "close") : respond(request);
      // Timed to the end of the write.
      send(request, response, Callback.from(callback, () -> {
        slowClients.answered(connection);
        requests.record(request.getMethod(), Request.getPathInContext(request), reply.status(),
            Duration.ofNanos(System.nanoTime() - start));
      }), reply);
      return true;
    }
  }

  private Response respond(Request request) {
    String path = Request.getPathInContext(request);
    Function<Call, Response> route = routes.get(path);
    if (route == null) {
      return Response.error(404, "not found; endpoints: /healthz, /readyz, /metrics, /api/ask?q=…, /api/trend.png?topic=…, /api/trends.png?edition=…");
    }
    if (!ALLOWED_METHODS.contains(request.getMethod())) {
      // The request body is never read: close rather than leave it in the way of the next request.
      return Response.error(405, "method not allowed; use GET").withHeader("Allow", "GET, HEAD")
          .withHeader("Connection", "close");
    }
    long start = System.nanoTime();
    try {
      return route.apply(new Call(request.getHttpURI().getQuery(), Request.getRemoteAddr(request)));
    } catch (RuntimeException e) {
      LOG.error("{} failed", path, e);
      status.answers().ifPresent(answers -> answers.countError(path, Duration.ofNanos(System.nanoTime() - start)));
      return Response.error(500, "internal error");
    }
  }

  /** 503 once shutting down, or once the process failed for good (Kubernetes then restarts it). */
  private Response health() {
    if (!status.alive()) {
      return Response.fields(503, "status", "shutting down");
    }
    return status.failure()
        .map(reason -> Response.fields(503, "status", "failed", "reason", reason))
        .orElseGet(() -> Response.fields(200, "status", "alive"));
  }

  private Response readiness() {
    return status.notReadyReason()
        .map(reason -> Response.fields(503, "status", "not ready", "reason", reason))
        .orElseGet(() -> status.contentWarning()
            .map(warning -> Response.fields(200, "status", "ready", "content", warning))
            .orElseGet(() -> Response.fields(200, "status", "ready")));
  }

  private Response ask(Call call) {
    return answer(call, "q", "/api/ask?q=/topic%20wasm",
        (service, user, query) -> service.ask(user, query, null),
        answer -> Response.json(200, AnswerJson.of(answer)));
  }

  /** The /trend chart of {@code topic} as a PNG, labelled in {@code lang} (en-US, zh-CN, zh-TW). */
  private Response trendChart(Call call) {
    Lang lang;
    try {
      lang = lang(call);
    } catch (QueryString.BadParameter e) {
      return Response.error(400, e.getMessage());
    }
    return answer(call, "topic", "/api/trend.png?topic=observability",
        (service, user, topic) -> service.run(user, "trend", Map.of("topic", topic), "/trend " + topic, lang),
        answer -> chart(answer, lang));
  }

  /**
   * The /trends heat map of {@code edition} (default: the latest) against {@code vs} (default: the
   * editions before it) as a PNG, labelled in {@code lang}.
   */
  private Response trendsChart(Call call) {
    Lang lang;
    Map<String, String> options = new LinkedHashMap<>();
    try {
      lang = lang(call);
      for (String option : List.of("edition", "vs")) {
        QueryString.parameter(call.rawQuery(), option)
            .filter(value -> !value.isBlank())
            .ifPresent(value -> options.put(option, value));
      }
    } catch (QueryString.BadParameter e) {
      return Response.error(400, e.getMessage());
    }
    String echo = "/trends" + (options.containsKey("edition") ? " " + options.get("edition") : "")
        + (options.containsKey("vs") ? " vs " + options.get("vs") : "");
    return answer(call, (service, user) -> service.run(user, "trends", options, echo, lang),
        answer -> chart(answer, lang));
  }

  private static Lang lang(Call call) throws QueryString.BadParameter {
    return Lang.of(QueryString.parameter(call.rawQuery(), "lang").orElse("en-US"));
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
  private interface Question {
    Reply ask(AnswerService service, String user);
  }

  /** {@link #answer(Call, Question, Function)} for the query in {@code parameter}, which must not be blank. */
  private Response answer(Call call, String parameter, String example, Asking asking,
      Function<Answer, Response> render) {
    String query;
    try {
      query = QueryString.parameter(call.rawQuery(), parameter).orElse("");
    } catch (QueryString.BadParameter e) {
      return Response.error(400, e.getMessage());
    }
    if (query.isBlank()) {
      return Response.error(400, "missing query: use " + example);
    }
    return answer(call, (service, user) -> asking.ask(service, user, query), render);
  }

  /**
   * The shared path of the answer endpoints: refuse while not ready, ask with the client address as
   * the rate-limit key in one of the answer slots, and render the answer or a 429.
   */
  private Response answer(Call call, Question question, Function<Answer, Response> render) {
    Optional<AnswerService> answers = status.answers();
    if (answers.isEmpty()) {
      return Response.error(503, "not ready: " + status.notReadyReason().orElse("starting"))
          .withHeader("Retry-After", "1");
    }
    // One rate-limit bucket per client address (behind a proxy: per proxy).
    String user = "http:" + call.client();
    return limited(() -> switch (question.ask(answers.get(), user)) {
      case Reply.Answered answered -> render.apply(answered.answer());
      case Reply.RateLimited limitedReply -> Response.error(429, limitedReply.message())
          .withHeader("Retry-After", Long.toString(limitedReply.retryAfterSeconds()));
    });
  }

  /**
   * Runs {@code work} in one of the answer slots, waiting in a bounded queue; when the queue is full
   * the client gets a 503 at once, which costs nothing, instead of a slow answer that costs memory.
   */
  private Response limited(Supplier<Response> work) {
    if (admitted.incrementAndGet() > MAX_ANSWERING + MAX_WAITING) {
      admitted.decrementAndGet();
      return Response.error(503, "busy: too many answers under way; retry in a second").withHeader("Retry-After", "1");
    }
    try {
      answering.acquire();
      try {
        return work.get();
      } finally {
        answering.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.error(503, "shutting down").withHeader("Retry-After", "1");
    } finally {
      admitted.decrementAndGet();
    }
  }

  /** Sends {@code reply}; for HEAD only its status and headers. */
  private static void send(Request request, org.eclipse.jetty.server.Response response, Callback callback,
      Response reply) {
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    reply.headers().forEach(response.getHeaders()::put);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    boolean headOnly = request.getMethod().equals("HEAD");
    response.write(true, headOnly ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(reply.body()), callback);
  }

  /**
   * Jetty's own errors (a malformed request line or escape, an oversized URL or header) as the
   * documented {@code {"error": …}} JSON instead of an HTML page.
   */
  private static final class JsonErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
      int code = response.getStatus();
      String message = switch (code) {
        case 414 -> "URI too long: keep the query under " + MAX_REQUEST_HEADER_BYTES / 1024 + " KB";
        case 431 -> "request headers too large: keep them under " + MAX_REQUEST_HEADER_BYTES / 1024 + " KB";
        case 400 -> "bad request: malformed request line, header or %-escape; percent-encode the query as UTF-8";
        // Jetty's own 503: a request that arrived once the stop had begun (GracefulHandler).
        case 503 -> "shutting down: retry";
        default -> code >= 500 ? "internal error" : "request refused";
      };
      Response error = Response.error(code, message);
      send(request, response, callback, code == 503 ? error.withHeader("Retry-After", "1") : error);
      return true;
    }
  }
}

package dev.kubeconbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeconbot.app.BotApp;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.config.ConfigException;
import dev.kubeconbot.config.ConfigLoader;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A real {@link BotApp} on a free loopback port, called over HTTP with {@link HttpClient}. The index
 * build runs in the background, so a test can watch readiness while it is held back.
 */
public final class RunningBot implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BotApp app;
  private final PrometheusMeterRegistry registry;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  /** Completes when the index is built and the front ends started, or with what went wrong. */
  public final CompletableFuture<Void> served = new CompletableFuture<>();

  private RunningBot(BotApp app, PrometheusMeterRegistry registry) throws IOException {
    this.app = app;
    this.registry = registry;
    app.listen();
    this.base = URI.create("http://127.0.0.1:" + app.address().getPort());
    Thread.ofVirtual().start(() -> {
      try {
        app.serve();
        served.complete(null);
      } catch (Exception e) {
        served.completeExceptionally(e);
      }
    });
  }

  /** Settings as the environment gives them; loopback, a free port and a short grace unless {@code env} says otherwise. */
  public static BotConfig config(Path configDir, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(Map.of("HTTP_HOST", "127.0.0.1", "HTTP_PORT", "0", "SHUTDOWN_GRACE", "5s"));
    all.putAll(env);
    try {
      return ConfigLoader.load(configDir, all);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public static RunningBot start(BotConfig config, BotApp.EngineLoader engine, BotApp.FrontEndFactory frontEnds) {
    PrometheusMeterRegistry registry = BotApp.newRegistry();
    try {
      return new RunningBot(new BotApp(config, registry, engine, frontEnds), registry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bot on the seed content, ready when this returns. */
  public static RunningBot ready(BotConfig config) {
    RunningBot bot = start(config, Seeds::engine, (c, answers, registry) -> List.of());
    bot.served.join();
    return bot;
  }

  public BotApp app() {
    return app;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public URI uri(String pathAndQuery) {
    return base.resolve(pathAndQuery);
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public CompletableFuture<HttpResponse<String>> getAsync(String pathAndQuery) {
    return client.sendAsync(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Polls {@code path} until its response matches, for state that changes in the background (at most 30 s: a content
   * reload behind a 500 ms debounce took over 10 s with the suite beside other builds at load 19 on 2 cores; a state
   * that never comes still fails, only later).
   */
  public HttpResponse<String> await(String path, Predicate<HttpResponse<String>> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpResponse<String> response = get(path);
    while (!condition.test(response)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(path + " never matched; last: " + response.statusCode() + " " + response.body());
      }
      sleep(10);
      response = get(path);
    }
    return response;
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}

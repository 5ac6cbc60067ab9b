package dev.kubeconbot.http;

import static dev.kubeconbot.testing.RunningBot.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.Command;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.answer.CommandSpec;
import dev.kubeconbot.answer.Invocation;
import dev.kubeconbot.testing.CapturedLog;
import dev.kubeconbot.testing.RunningBot;
import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP front against hostile and careless clients, on real sockets. */
class HttpUnderPressureTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path configDir;

  /** A command that blocks until released, to fill the answer slots. */
  private static final class Slow implements Command {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public CommandSpec spec() {
      return new CommandSpec("slow", List.of());
    }

    @Override
    public Answer answer(Invocation call) {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Answer.message("slow", call.query(), "Slow", "done");
    }
  }

  /** A command that fails, as a bug would. */
  private static final class Broken implements Command {
    @Override
    public CommandSpec spec() {
      return new CommandSpec("boom", List.of());
    }

    @Override
    public Answer answer(Invocation call) {
      throw new IllegalStateException("a bug");
    }
  }

  private RunningBot bot(Map<String, String> env, Command... commands) {
    Map<String, String> all = new java.util.HashMap<>(Map.of("HTTP_RATE_LIMIT_ANSWERS", "100000"));
    all.putAll(env);
    List<Command> registry = new ArrayList<>(CommandRegistry.standard().commands());
    registry.addAll(List.of(commands));
    RunningBot bot = RunningBot.start(RunningBot.config(configDir, all),
        () -> new AnswerEngine(new CommandRegistry(registry), Seeds.library()), (c, a, r) -> List.of());
    bot.served.join();
    return bot;
  }

  /** Sends raw bytes and reads the whole response (the request asks to close), or "" if the server closed. */
  private static String raw(int port, String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  private static JsonNode body(String response) throws IOException {
    assertThat(response).containsIgnoringCase("content-type: application/json");
    return JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
  }

  @Test
  void slowlorisConnectionsAreClosedAfterTheRequestTimeout() throws Exception {
    try (RunningBot bot = bot(Map.of("HTTP_REQUEST_TIMEOUT", "1s"))) {
      int port = bot.app().address().getPort();
      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        slow.add(socket);
      }
      long start = System.nanoTime();
      // A header line now and then, as slowloris does: each byte would restart an idle timeout.
      for (int tick = 0; tick < 30 && slow.stream().anyMatch(s -> !s.isClosed()); tick++) {
        for (Socket socket : slow) {
          if (!socket.isClosed() && !trickle(socket)) {
            socket.close();
          }
        }
        Thread.sleep(200);
      }
      assertThat(slow).allMatch(Socket::isClosed);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
      assertThat(bot.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  /** Sends one more header line; false once the server has closed the connection. */
  private static boolean trickle(Socket socket) {
    try {
      socket.getOutputStream().write("X-a: b\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout(1);
      InputStream in = socket.getInputStream();
      return in.read() != -1;
    } catch (SocketTimeoutException stillOpen) {
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  @Test
  void malformedAndOversizedRequestsGetTheDocumentedJsonErrors() throws Exception {
    // A short request timeout: after an oversized request the server stops reading and lets the timeout close it.
    try (RunningBot bot = bot(Map.of("HTTP_REQUEST_TIMEOUT", "1s"))) {
      int port = bot.app().address().getPort();
      String badEscape = raw(port, "GET /api/ask?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(status(badEscape)).isEqualTo(400);
      assertThat(body(badEscape).get("error").asText()).contains("%-escape");

      String badPath = raw(port, "GET /api/%zzask?q=wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(status(badPath)).isEqualTo(400);
      assertThat(body(badPath).has("error")).isTrue();
      assertThat(badPath).doesNotContain("URISyntaxException", "<html");

      String longUrl = raw(port, "GET /api/ask?q=" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(status(longUrl)).isEqualTo(414);
      assertThat(body(longUrl).get("error").asText()).contains("URI too long");

      String bigHeader = raw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000)
          + "\r\nConnection: close\r\n\r\n");
      assertThat(status(bigHeader)).isEqualTo(431);
      assertThat(body(bigHeader).get("error").asText()).contains("headers too large");
    }
  }

  @Test
  void beyondTheAnswerSlotsAndQueueClientsGetAFast503WithRetryAfter() throws Exception {
    Slow slow = new Slow();
    // No answer cache: it computes each key under a lock on its hash bin, which would queue the slow ones itself.
    try (RunningBot bot = bot(Map.of("CACHE_MAX_ENTRIES", "0"), slow)) {
      int busy = HttpApi.MAX_ANSWERING + HttpApi.MAX_WAITING;
      List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      // HTTP/1.1 only: the client's default (HTTP/2 upgrade) holds concurrent requests back until the first answers.
      java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
          .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < busy; i++) {
        waiting.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(bot.uri("/api/ask?q=/slow%20" + i)).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      // Once every slot and queue place is taken, the next is refused at once.
      HttpResponse<String> refused = null;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
      while (refused == null && System.nanoTime() < until) {
        try {
          // A probe admitted before the queue is full waits its turn: give up on it quickly and ask again.
          HttpResponse<String> probe = client.send(java.net.http.HttpRequest.newBuilder(bot.uri("/api/ask?q=/slow%20more"))
              .timeout(java.time.Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofString());
          refused = probe.statusCode() == 503 ? probe : null;
        } catch (java.net.http.HttpTimeoutException queued) {
          // try again
        }
      }
      assertThat(refused).as("a 503 once the queue is full").isNotNull();
      assertThat(refused.headers().firstValue("Retry-After")).contains("1");
      assertThat(json(refused).get("error").asText()).startsWith("busy");
      assertThat(bot.get("/healthz").statusCode()).isEqualTo(200); // probes are never queued

      slow.release.countDown();
      // Given-up probes took queue places too, so some of these may have been refused; none failed otherwise.
      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> response : waiting) {
        statuses.add(response.get(20, TimeUnit.SECONDS).statusCode());
      }
      assertThat(statuses).allMatch(code -> code == 200 || code == 503);
      assertThat(statuses.stream().filter(code -> code == 200).count()).isGreaterThanOrEqualTo(HttpApi.MAX_ANSWERING);
    }
  }

  @Test
  void a500IsCountedInRequestsAndLatency() throws Exception {
    try (CapturedLog log = CapturedLog.of(HttpApi.class); RunningBot bot = bot(Map.of(), new Broken())) {
      HttpResponse<String> failed = bot.get("/api/ask?q=/boom");
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(json(failed).get("error").asText()).isEqualTo("internal error");
      // The operator gets the stack trace; the client only "internal error".
      assertThat(log.events()).singleElement().satisfies(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getFormattedMessage()).isEqualTo("/api/ask failed");
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("a bug");
      });
      String metrics = bot.get("/metrics").body();
      assertThat(metrics).containsPattern("kubecon_bot_requests_total\\{command=\"/api/ask\",outcome=\"error\"} 1");
      assertThat(metrics).containsPattern("kubecon_bot_answer_duration_seconds_count [1-9]");
    }
  }

  /** Reads one response with a Content-Length body, leaving the connection open for the next. */
  private static String oneResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + head);
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    assertThat(length.find()).isTrue();
    in.readNBytes(Integer.parseInt(length.group(1)));
    return head.toString();
  }

  /**
   * An answer to a request made while HTTP stops: the answer if it was read before Jetty's own stop
   * began (a slow machine may read it later), else a 503 to retry elsewhere; the connection closes.
   */
  private static void assertAnsweredWhileStopping(String response) throws IOException {
    assertThat(response).containsIgnoringCase("connection: close");
    if (status(response) == 200) {
      assertThat(body(response).get("answers")).isNotEmpty();
    } else {
      assertThat(status(response)).isEqualTo(503);
      assertThat(response).containsIgnoringCase("retry-after: 1");
      assertThat(body(response).get("error").asText()).isEqualTo("shutting down: retry");
    }
  }

  @Test
  void connectionsWaitingToBeAcceptedWhenStopBeginsAreAnsweredNotReset() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    try (RunningBot bot = bot(Map.of("HTTP_REQUEST_TIMEOUT", "60s"))) {
      int port = bot.app().address().getPort();
      // Keep-alive connections between requests fill the connection limit, so accepting pauses.
      for (int i = 0; i < HttpApi.MAX_CONNECTIONS; i++) {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        sockets.add(socket);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(oneResponse(socket)).startsWith("HTTP/1.1 200");
      }
      // These connect (the kernel completes the handshake) and send a request, but wait in the
      // accept backlog: not answered yet.
      List<Socket> waiting = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        sockets.add(socket);
        waiting.add(socket);
        socket.getOutputStream().write("GET /api/ask?q=/topic%20wasm HTTP/1.1\r\nHost: bot\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
      }
      waiting.getFirst().setSoTimeout(300);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> waiting.getFirst().getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);

      Thread stopping = Thread.ofVirtual().start(bot.app()::stop);
      for (Socket socket : waiting) {
        socket.setSoTimeout(10_000);
        assertAnsweredWhileStopping(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        socket.close(); // as clients do after "Connection: close"; until then the server waits for it
      }
      stopping.join(10_000);
      assertThat(stopping.isAlive()).isFalse();
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  @Test
  void aRequestStillArrivingWhenStopBeginsIsAnsweredWithinTheGrace() throws Exception {
    try (RunningBot bot = bot(Map.of("SHUTDOWN_GRACE", "10s"))) {
      Thread stopping;
      String response;
      // Closed once read, as clients do after "Connection: close": until then the stop waits for it.
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), bot.app().address().getPort())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write("GET /api/ask?q=/topic%20wasm HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        stopping = Thread.ofVirtual().start(bot.app()::stop);
        // Longer than Jetty gives a quiet connection while it stops (1 s unless told): the connection
        // was accepted and its request is on the way, so it is waited for, up to the grace.
        Thread.sleep(1_500);
        socket.getOutputStream().write("Host: bot\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }
      // Come after the stop began, it is turned away, but with an answer: a reset would leave the
      // client guessing whether it was handled.
      assertThat(status(response)).isEqualTo(503);
      assertAnsweredWhileStopping(response);
      stopping.join(10_000);
      assertThat(stopping.isAlive()).isFalse();
    }
  }
}

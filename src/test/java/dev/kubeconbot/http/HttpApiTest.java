package dev.kubeconbot.http;

import static dev.kubeconbot.testing.RunningBot.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeconbot.cli.Main;
import dev.kubeconbot.testing.RunningBot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The endpoints of a ready bot on the seed content, over real HTTP. */
class HttpApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  @TempDir
  static Path configDir;

  private static RunningBot bot;

  @BeforeAll
  static void start() {
    // A generous limit: this class is about the endpoints; RateLimitTest is about limits.
    bot = RunningBot.ready(RunningBot.config(configDir, Map.of("HTTP_RATE_LIMIT_ANSWERS", "10000")));
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  private static String q(String text) {
    return "/api/ask?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Asserts that {@code path} answers with an 800×400 PNG. */
  private static void assertChart(String path) throws Exception {
    HttpResponse<byte[]> chart = bot.send(HttpRequest.newBuilder(bot.uri(path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(chart.statusCode()).as(path).isEqualTo(200);
    assertThat(chart.headers().firstValue("Content-Type")).contains("image/png");
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(chart.body()));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(400);
  }

  @Test
  void trendChartIsAPngOrAJsonReasonWhyNot() throws Exception {
    assertChart("/api/trend.png?topic=wasm&lang=zh-CN");

    HttpResponse<String> none = bot.get("/api/trend.png?topic=quantum%20computing");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(json(none).get("error").asText()).contains("quantum computing");
    assertThat(bot.get("/api/trend.png").statusCode()).isEqualTo(400);
  }

  @Test
  void fiveHundredDistinctChineseCharactersAreAnsweredNotA500() {
    StringBuilder text = new StringBuilder();
    for (char c = '\u4e00'; text.length() < 518; c += 3) {
      text.append(c);
    }
    HttpResponse<String> ask = bot.get(q(text.toString()));
    assertThat(ask.statusCode()).isEqualTo(200);
    assertThat(json(ask).has("answers")).isTrue();
    HttpResponse<String> chart = bot.get("/api/trend.png?topic=" + URLEncoder.encode(text.toString(), StandardCharsets.UTF_8));
    assertThat(chart.statusCode()).isIn(200, 404);
  }

  @Test
  void trendsHeatMapIsAPngForTheLatestOrANamedEditionOrAJsonReasonWhyNot() throws Exception {
    for (String query : List.of("", "?edition=EU%202021&lang=zh-TW", "?edition=2022&vs=2019")) {
      assertChart("/api/trends.png" + query);
    }
    HttpResponse<String> none = bot.get("/api/trends.png?edition=2017");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(json(none).get("error").asText()).contains("KubeCon 2017");
  }

  @Test
  void healthAndReadinessAreJson() {
    HttpResponse<String> health = bot.get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Content-Type")).contains(JSON_TYPE);
    assertThat(json(health).get("status").asText()).isEqualTo("alive");

    HttpResponse<String> ready = bot.get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).get("status").asText()).isEqualTo("ready");
  }

  @Test
  void askAnswersWithTheSameJsonAsTheCli() throws Exception {
    List<String> queries = List.of("/topic wasm", "takeaways 2019", "/takeaways 2017", "服务网格", "/sources",
        "What did people say about observability?", "/nonsense", "help", "/takeaways year:2019 region:EU");
    List<JsonNode> http = new ArrayList<>();
    for (String query : queries) {
      HttpResponse<String> response = bot.get(q(query));
      assertThat(response.statusCode()).as(query).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).contains(JSON_TYPE);
      http.add(json(response));
    }
    StringWriter out = new StringWriter();
    List<String> args = new ArrayList<>(List.of("ask", "--json"));
    args.addAll(queries);
    int exit = Main.commandLine().setOut(new PrintWriter(out)).execute(args.toArray(String[]::new));
    assertThat(exit).isZero();
    List<JsonNode> cli = new ArrayList<>();
    for (String line : out.toString().lines().toList()) {
      cli.add(JSON.readTree(line));
    }
    assertThat(http).isEqualTo(cli);
    assertThat(http.getFirst().get("answers")).isNotEmpty();
    // /help's example, options labelled as Discord shows them
    assertThat(http.getLast().get("answers")).isNotEmpty()
        .allSatisfy(answer -> assertThat(answer.get("event").asText()).isEqualTo("KubeCon EU 2019"));
    assertThat(http.getLast().has("message")).isFalse();
  }

  @Test
  void missingOrBlankQueryIsABadRequestWithAJsonMessage() {
    for (String path : List.of("/api/ask", "/api/ask?", "/api/ask?q=", "/api/ask?q=%20%20", "/api/ask?x=1", "/api/ask?q")) {
      HttpResponse<String> response = bot.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).contains(JSON_TYPE);
      assertThat(json(response).get("error").asText()).as(path).contains("missing query", "/api/ask?q=");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"%FF", "%C3%28", "%E6%B5", "%ED%A0%80"})
  void queryThatIsNotUtf8IsABadRequestNeverAServerError(String raw) {
    HttpResponse<String> response = bot.get("/api/ask?q=" + raw);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains(JSON_TYPE);
    assertThat(json(response).get("error").asText()).isEqualTo("q is not valid UTF-8 once %-decoded");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc%", "%G0", "%zz%", "服务网格"})
  void requestLinesThatAreNotUrisAreABadRequest(String raw) throws Exception {
    // HttpClient refuses to send these, so write the request by hand. The JDK server answers them itself.
    try (Socket socket = new Socket("127.0.0.1", bot.uri("/").getPort())) {
      socket.getOutputStream().write(("GET /api/ask?q=" + raw + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
          .readLine();
      assertThat(status).startsWith("HTTP/1.1 400");
    }
  }

  @Test
  void symbolSoupAndPlusSignsAreAnsweredNotParsed() {
    HttpResponse<String> soup = bot.get(q("*:* AND ( title:\"x\" ~ ^ [ {"));
    assertThat(soup.statusCode()).isEqualTo(200);
    assertThat(json(soup).get("query").asText()).isEqualTo("*:* AND ( title:\"x\" ~ ^ [ {");

    HttpResponse<String> plus = bot.get("/api/ask?q=/topic+wasm");
    assertThat(json(plus).get("command").asText()).isEqualTo("topic");
    assertThat(json(plus).get("answers")).isNotEmpty();
  }

  @Test
  void aHugeQueryGetsAMessageNotAnError() {
    HttpResponse<String> response = bot.get(q("wasm ".repeat(2000)));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("answers")).isEmpty();
    assertThat(body.get("message").asText()).contains("10000", "1000");
  }

  @Test
  void unknownPathsAre404AndOtherMethods405() {
    HttpResponse<String> missing = bot.get("/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("error").asText()).contains("/healthz");
    assertThat(bot.get("/api/ask/more?q=wasm").statusCode()).isEqualTo(404);

    for (String path : List.of("/api/ask?q=wasm", "/healthz", "/metrics")) {
      HttpResponse<String> post = bot.send(HttpRequest.newBuilder(bot.uri(path))
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
      assertThat(post.statusCode()).as(path).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
      assertThat(post.headers().firstValue("Content-Type")).contains(JSON_TYPE);
    }
  }

  @Test
  void headGivesTheStatusAndHeadersWithoutABody() {
    HttpResponse<String> head = bot.send(HttpRequest.newBuilder(bot.uri("/healthz"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).contains(JSON_TYPE);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void metricsCountRequestsByCommandAndOutcomeAndShowTheIndexAndTheJvm() {
    assertThat(bot.get(q("/topic gitops")).statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = bot.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/plain").contains("version=0.0.4"));
    assertThat(metrics.body().lines())
        .anyMatch(line -> line.matches("kubecon_bot_requests_total\\{command=\"topic\",outcome=\"answered\"} [1-9].*"))
        .anyMatch(line -> line.startsWith("kubecon_bot_answer_duration_seconds_bucket{"))
        .anyMatch(line -> line.equals("kubecon_bot_index_articles 5.0"))
        .anyMatch(line -> line.matches("kubecon_bot_index_passages [1-9][0-9]*\\.0"))
        .anyMatch(line -> line.equals("kubecon_bot_index_skipped_files 0.0"))
        .anyMatch(line -> line.startsWith("kubecon_bot_cache_gets_total{cache=\"answers\",result=\"miss\"}"))
        .anyMatch(line -> line.startsWith("jvm_memory_used_bytes{"))
        .anyMatch(line -> line.startsWith("jvm_gc_"))
        .anyMatch(line -> line.startsWith("jvm_threads_live_threads"))
        .anyMatch(line -> line.startsWith("jvm_classes_loaded_classes"))
        .anyMatch(line -> line.startsWith("process_uptime_seconds"))
        .anyMatch(line -> line.startsWith("process_cpu_usage"));
  }

  @Test
  void aRepeatedQuestionIsAnsweredFromTheCache() {
    String question = q("/topic service mesh");
    double hitsBefore = cacheHits();
    JsonNode first = json(bot.get(question));
    JsonNode second = json(bot.get(question));
    assertThat(second).isEqualTo(first);
    assertThat(cacheHits()).isEqualTo(hitsBefore + 1);
  }

  private static double cacheHits() {
    return bot.get("/metrics").body().lines()
        .filter(line -> line.startsWith("kubecon_bot_cache_gets_total{cache=\"answers\",result=\"hit\"}"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}

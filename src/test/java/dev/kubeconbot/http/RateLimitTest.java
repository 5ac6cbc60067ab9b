package dev.kubeconbot.http;

import static dev.kubeconbot.testing.RunningBot.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.RunningBot;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitTest {

  @Test
  void askingTooOftenGets429WithRetryAfterAndAFriendlyMessage(@TempDir Path configDir) {
    try (RunningBot bot = RunningBot.ready(RunningBot.config(configDir,
        Map.of("HTTP_RATE_LIMIT_ANSWERS", "2", "HTTP_RATE_LIMIT_WINDOW", "1h")))) {
      assertThat(bot.get("/api/ask?q=wasm").statusCode()).isEqualTo(200);
      assertThat(bot.get("/api/ask?q=gitops").statusCode()).isEqualTo(200);

      HttpResponse<String> limited = bot.get("/api/ask?q=wasm");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
      assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
          assertThat(Long.parseLong(seconds)).isBetween(3000L, 3600L));
      assertThat(json(limited).get("error").asText()).startsWith("You are asking quickly — try again in");

      // Health, readiness and metrics are never limited.
      assertThat(bot.get("/readyz").statusCode()).isEqualTo(200);
      assertThat(bot.get("/metrics").body()).contains("kubecon_bot_requests_total{command=\"-\",outcome=\"rate_limited\"} 1.0");
    }
  }

  @Test
  void httpHasALimitOfItsOwnThatLetsTheReadmesCurlExamplesThrough(@TempDir Path configDir) {
    // The Discord limit (one answer per user here) does not shape HTTP; HTTP's default is 60 per 10 s.
    try (RunningBot bot = RunningBot.ready(RunningBot.config(configDir,
        Map.of("RATE_LIMIT_ANSWERS", "1", "RATE_LIMIT_WINDOW", "1h")))) {
      for (int i = 0; i < 20; i++) {
        assertThat(bot.get("/api/ask?q=/topic%20wasm").statusCode()).as("request %d", i).isEqualTo(200);
      }
    }
  }
}

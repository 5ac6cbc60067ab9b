package dev.kubeconbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.config.ConfigException;
import dev.kubeconbot.config.ConfigLoader;
import dev.kubeconbot.testing.RunningBot;
import dev.kubeconbot.testing.Seeds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The Discord token never shows: not in logs, metrics, HTTP answers, errors or toString(); user text stays out of logs. */
class TokenSecrecyTest {

  private static final String TOKEN = "NzkyNzE1NDU0MTk2MDg4ODQy.X-hvzA.Ovy4MCQywSkoMRRclStW4xAYK7I";

  @TempDir
  Path configDir;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
  }

  /** Every log line as it would be written: message, arguments and stack trace. */
  private String logged() {
    StringBuilder all = new StringBuilder();
    for (ILoggingEvent event : logs.list) {
      all.append(event.getFormattedMessage()).append('\n');
      if (event.getThrowableProxy() != null) {
        all.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
      }
    }
    return all.toString();
  }

  @Test
  void aRunningBotWithATokenNeverShowsIt() {
    BotConfig config = RunningBot.config(configDir, Map.of("DISCORD_TOKEN", TOKEN, "RATE_LIMIT_ANSWERS", "1"));
    assertThat(config.discord().token().reveal()).isEqualTo(TOKEN);
    StringBuilder seen = new StringBuilder(config.toString()).append(config.discord());
    // The real factory: with a token it says the Discord front end is not in this build.
    try (RunningBot bot = RunningBot.start(config, Seeds::engine, ServeCli::frontEnds)) {
      bot.served.join();
      for (String path : List.of("/healthz", "/readyz", "/api/ask?q=wasm", "/api/ask?q=wasm", "/api/ask?q=%FF",
          "/api/ask", "/nope", "/metrics")) {
        seen.append(bot.get(path).body());
      }
    }
    assertThat(logs.list).isNotEmpty();
    assertThat(logged()).contains("Discord front end is not part of this build").doesNotContain(TOKEN);
    assertThat(seen.toString()).contains("[hidden]").doesNotContain(TOKEN);
  }

  @Test
  void whatUsersAskIsNotLoggedAtInfo() {
    String question = "what did kelsey-hightower-7f3a say about serverless";
    try (RunningBot bot = RunningBot.ready(RunningBot.config(configDir, Map.of()))) {
      assertThat(bot.get("/api/ask?q=" + question.replace(" ", "+")).statusCode()).isEqualTo(200);
    }
    assertThat(logged()).contains("request command=ask outcome=").doesNotContain("kelsey-hightower-7f3a");
  }

  @Test
  void configErrorsNeverShowIt() {
    assertThatThrownBy(() -> ConfigLoader.load(configDir, Map.of("DISCORD_TOKEN", TOKEN, "HTTP_PORT", "x")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }
}

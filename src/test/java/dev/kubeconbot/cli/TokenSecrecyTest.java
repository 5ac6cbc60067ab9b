package dev.kubeconbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.config.ConfigException;
import dev.kubeconbot.config.ConfigLoader;
import dev.kubeconbot.discord.fake.FakeDiscord;
import dev.kubeconbot.testing.RunningBot;
import dev.kubeconbot.testing.Seeds;
import java.nio.file.Path;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
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

  /** Config for the real serve factory, pointed at {@code discord}. */
  private BotConfig config(FakeDiscord discord, String token) {
    return RunningBot.config(configDir, Map.of("DISCORD_TOKEN", token, "HTTP_RATE_LIMIT_ANSWERS", "1",
        "DISCORD_API_URL", discord.restBaseUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
  }

  @Test
  void aConnectedBotNeverShowsItsToken() {
    try (FakeDiscord discord = FakeDiscord.start()) {
      BotConfig config = config(discord, FakeDiscord.TOKEN);
      assertThat(config.discord().token().reveal()).isEqualTo(FakeDiscord.TOKEN);
      StringBuilder seen = new StringBuilder(config.toString()).append(config.discord());
      try (RunningBot bot = RunningBot.start(config, Seeds::engine, ServeCli.frontEnds(CommandRegistry.standard()))) {
        bot.served.join();
        bot.await("/readyz", response -> response.statusCode() == 200);
        for (String path : List.of("/healthz", "/readyz", "/api/ask?q=wasm", "/api/ask?q=wasm", "/api/ask?q=%FF",
            "/api/ask", "/nope", "/metrics")) {
          seen.append(bot.get(path).body());
        }
      }
      // The token was used (the fake saw it at login) and shown nowhere.
      assertThat(discord.requests()).anySatisfy(r ->
          assertThat(r.header("Authorization")).isEqualTo("Bot " + FakeDiscord.TOKEN));
      assertThat(logs.list).isNotEmpty();
      assertThat(logged()).contains("connecting to Discord").doesNotContain(FakeDiscord.TOKEN);
      assertThat(seen.toString()).contains("[hidden]").doesNotContain(FakeDiscord.TOKEN);
    }
  }

  @Test
  void aRejectedTokenIsNotLoggedEither() {
    try (FakeDiscord discord = FakeDiscord.start();
        RunningBot bot = RunningBot.start(config(discord, TOKEN), Seeds::engine, ServeCli.frontEnds(CommandRegistry.standard()))) {
      assertThatThrownBy(bot.served::join).hasRootCauseInstanceOf(InvalidTokenException.class);
      assertThat(bot.get("/readyz").statusCode()).isEqualTo(503);
    }
    assertThat(logged()).doesNotContain(TOKEN).doesNotContain("Ovy4MCQ");
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

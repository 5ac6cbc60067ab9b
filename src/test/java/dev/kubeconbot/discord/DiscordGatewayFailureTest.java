package dev.kubeconbot.discord;

import static dev.kubeconbot.discord.ConnectedBot.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.discord.fake.FakeDiscord;
import dev.kubeconbot.testing.CapturedLog;
import dev.kubeconbot.testing.RunningBot;
import dev.kubeconbot.testing.Seeds;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discord refusing the bot for good while it runs (a revoked token, intents it will never grant) fails
 * liveness, so Kubernetes restarts the pod instead of keeping a process that can never answer again;
 * a close that JDA recovers from does not.
 */
class DiscordGatewayFailureTest {

  @TempDir
  Path configDir;
  /** JDA's own lines about the closed gateway, and ours: expected here, so kept off the console. */
  private CapturedLog jda;
  private CapturedLog watch;

  @BeforeEach
  void capture() {
    jda = CapturedLog.named("net.dv8tion");
    watch = CapturedLog.of(GatewayWatch.class);
  }

  @AfterEach
  void release() {
    jda.close();
    watch.close();
  }

  @Test
  void aTokenRevokedWhileRunningFailsLivenessWithTheReason() {
    try (FakeDiscord discord = FakeDiscord.start();
        RunningBot bot = RunningBot.start(config(discord), Seeds::engine,
            (config, answers, registry) -> List.of(new DiscordBot(config.discord(), CommandRegistry.standard(), answers, registry)))) {
      bot.served.join();
      bot.await("/readyz", response -> response.statusCode() == 200);
      assertThat(bot.get("/healthz").statusCode()).isEqualTo(200);

      discord.revokeToken();

      // The shard's status may show first; the close code follows.
      HttpResponse<String> health = bot.await("/healthz", response -> response.body().contains("4004"));
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(RunningBot.json(health).path("status").asText()).isEqualTo("failed");
      assertThat(RunningBot.json(health).path("reason").asText())
          .startsWith("discord: shard 0: the gateway closed with 4004")
          .contains("token");
      assertThat(bot.get("/readyz").statusCode()).isEqualTo(503);
      assertThat(RunningBot.json(bot.get("/readyz")).path("reason").asText()).contains("4004");
    }
    assertThat(watch.events()).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.ERROR);
      assertThat(event.getFormattedMessage()).contains("4004").contains("liveness fails");
      assertThat(event.getThrowableProxy()).isNull();
    });
  }

  @Test
  void closesThatJdaMustNotReconnectAfterAreFailuresToo() {
    try (ConnectedBot bot = ConnectedBot.start()) {
      awaitRegistered(bot.discord);
      bot.discord.closeGateway(4014, "Disallowed intent(s).");
      // The shard's status may show first; the close code follows.
      assertThat(awaitPresent(() -> bot.bot.failure().filter(failure -> failure.contains("4014"))))
          .contains("will not reconnect");
      assertThat(bot.bot.notReadyReason()).isEqualTo(bot.bot.failure());
    }
  }

  @Test
  void aShardOfAShardedBotThatIsRefusedFailsLivenessToo() {
    try (ConnectedBot bot = ConnectedBot.start(CommandRegistry.standard(), 100, null, 2)) {
      awaitRegistered(bot.discord);
      bot.discord.revokeToken();
      assertThat(awaitPresent(() -> bot.bot.failure().filter(failure -> failure.contains("4004"))))
          .matches("shard [01]: the gateway closed with 4004 .* and will not reconnect");
    }
  }

  /** Not ready while JDA reconnects (which takes its 5 s identify back-off, not waited for here), but alive. */
  @Test
  void aCloseThatJdaRecoversFromIsNoFailure() {
    try (ConnectedBot bot = ConnectedBot.start()) {
      awaitRegistered(bot.discord);
      bot.discord.closeGateway(4000, "Unknown error.");
      assertThat(awaitPresent(bot.bot::notReadyReason)).contains("0 of 1 shards connected");
      assertThat(bot.bot.failure()).isEmpty();
    }
    assertThat(watch.events()).isEmpty();
  }

  @Test
  void closingOnPurposeIsNoFailure() {
    ConnectedBot bot = ConnectedBot.start();
    awaitRegistered(bot.discord);
    bot.close();
    assertThat(bot.bot.failure()).isEmpty();
    assertThat(watch.events()).isEmpty();
  }

  @Test
  void aTokenRejectedAtLoginFailsLivenessUntilServeExits() {
    try (FakeDiscord discord = FakeDiscord.start();
        RunningBot bot = RunningBot.start(RunningBot.config(configDir, Map.of("DISCORD_TOKEN", "not-the-token",
                "DISCORD_API_URL", discord.restBaseUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl())),
            Seeds::engine, (config, answers, registry) -> List.of(new DiscordBot(config.discord(), CommandRegistry.standard(), answers, registry)))) {
      assertThatThrownBy(bot.served::join).hasRootCauseInstanceOf(InvalidTokenException.class);
      HttpResponse<String> health = bot.get("/healthz");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(RunningBot.json(health).path("reason").asText())
          .isEqualTo("discord: failed to start (InvalidTokenException)");
    }
  }

  private BotConfig config(FakeDiscord discord) {
    return RunningBot.config(configDir, Map.of("DISCORD_TOKEN", FakeDiscord.TOKEN,
        "DISCORD_API_URL", discord.restBaseUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
  }

  /** Lets the command registration finish first, so that it does not fail (and log) when the test ends. */
  private static void awaitRegistered(FakeDiscord discord) {
    discord.awaitRequest("PUT", "/applications/" + discord.applicationId() + "/commands", TIMEOUT);
  }

  private static String awaitPresent(Supplier<Optional<String>> value) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (value.get().isEmpty()) {
      assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
      RunningBot.sleep(10);
    }
    return value.get().orElseThrow();
  }
}

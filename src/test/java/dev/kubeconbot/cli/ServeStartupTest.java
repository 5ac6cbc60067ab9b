package dev.kubeconbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.app.BotApp;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.discord.fake.FakeDiscord;
import dev.kubeconbot.discord.fake.FakeUser;
import dev.kubeconbot.discord.fake.Interaction;
import dev.kubeconbot.discord.fake.SlashCommand;
import dev.kubeconbot.testing.RunningBot;
import dev.kubeconbot.testing.Seeds;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with Discord on, against a fake Discord: the gateway connects while the index is still
 * building, and what users send before it is built is answered, correctly, once it is.
 */
class ServeStartupTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int CALLBACK_DEFERRED_MESSAGE = 5;
  private static final int CALLBACK_AUTOCOMPLETE = 8;

  @TempDir
  Path configDir;

  @Test
  void logsInWhileTheIndexBuildsAndAnswersWhatCameEarlyOnceItIsBuilt() {
    CompletableFuture<Void> indexGate = new CompletableFuture<>();
    BotApp.EngineLoader heldBack = () -> {
      indexGate.join();
      return Seeds.engine();
    };
    try (FakeDiscord discord = FakeDiscord.start();
        RunningBot bot = RunningBot.start(config(discord), heldBack, ServeCli.frontEnds(CommandRegistry.standard()))) {
      // Connected and the commands registered (which JDA does on READY), with no index yet.
      discord.awaitRequest("PUT", "/applications/" + discord.applicationId() + "/commands", TIMEOUT);
      assertThat(discord.identifies()).hasSize(1);
      HttpResponse<String> building = bot.get("/readyz");
      assertThat(building.statusCode()).isEqualTo(503);
      assertThat(RunningBot.json(building).get("reason").asText()).isEqualTo("index building");

      Interaction takeaways = discord.sendSlashCommand(SlashCommand.of("takeaways", FakeUser.human("alice"))
          .withOption("year", 2019));
      assertThat(discord.awaitCallback(takeaways, TIMEOUT).json().path("type").asInt())
          .as("deferred at once, not after waiting for an answer that cannot come yet")
          .isEqualTo(CALLBACK_DEFERRED_MESSAGE);
      JsonNode choices = discord.awaitCallback(
          discord.sendAutocomplete(SlashCommand.of("topic", FakeUser.human("bo")), "name", "wa"), TIMEOUT).json();
      assertThat(choices.path("type").asInt()).isEqualTo(CALLBACK_AUTOCOMPLETE);
      assertThat(choices.at("/data/choices")).as("autocomplete cannot wait: nothing to offer yet").isEmpty();
      FakeUser jo = FakeUser.human("jo");
      String dm = "/channels/" + discord.dmChannelId(jo) + "/messages";
      discord.sendDirectMessage(jo, "topic wasm");
      assertThat(bot.get("/api/ask?q=wasm").statusCode()).isEqualTo(503);
      assertThat(discord.requests()).noneMatch(r -> r.method().equals("POST") && r.path().equals(dm));

      indexGate.complete(null);
      bot.served.join();
      assertThat(discord.awaitOriginalEdit(takeaways, TIMEOUT).json().at("/embeds/0/title").asText())
          .isEqualTo("KubeCon 2019 — key takeaways");
      assertThat(discord.awaitMessage(discord.dmChannelId(jo), TIMEOUT).json().at("/embeds/0/title").asText())
          .isEqualTo("“wasm” across KubeCon editions");
      bot.await("/readyz", response -> response.statusCode() == 200);
    }
  }

  private BotConfig config(FakeDiscord discord) {
    return RunningBot.config(configDir, Map.of("DISCORD_TOKEN", FakeDiscord.TOKEN,
        "DISCORD_API_URL", discord.restBaseUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
  }
}

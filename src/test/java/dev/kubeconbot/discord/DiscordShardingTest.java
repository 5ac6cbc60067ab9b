package dev.kubeconbot.discord;

import static dev.kubeconbot.discord.ConnectedBot.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.discord.fake.FakeDiscord;
import dev.kubeconbot.discord.fake.FakeGuild;
import dev.kubeconbot.discord.fake.FakeUser;
import dev.kubeconbot.discord.fake.SlashCommand;
import dev.kubeconbot.service.AnswersWhenReady;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Two shards behind a shard manager, commands registered to one development guild. */
class DiscordShardingTest {

  @Test
  void everyShardConnectsBeforeReadyAndTheConfiguredGuildGetsTheCommands() {
    FakeGuild[] guilds = Stream.generate(() -> FakeGuild.named("guild")).limit(4).toArray(FakeGuild[]::new);
    FakeGuild dev = guilds[1];
    try (ConnectedBot bot = ConnectedBot.start(CommandRegistry.standard(), 1000, Long.parseLong(dev.id()), 2, guilds)) {
      FakeDiscord discord = bot.discord;
      assertThat(discord.identifies()).extracting(identify -> identify.path("shard").path(0).asInt())
          .containsExactlyInAnyOrder(0, 1);
      assertThat(bot.registry.get("kubecon.bot.discord.shards.connected").gauge().value()).isEqualTo(2);

      JsonNode commands = discord.awaitRequest("PUT",
          "/applications/" + discord.applicationId() + "/guilds/" + dev.id() + "/commands", TIMEOUT).json();
      assertThat(commands).hasSize(CommandRegistry.standard().specs().size());
      assertThat(commands.get(0).path("contexts")).extracting(JsonNode::asInt).containsExactly(0);
      assertThat(discord.requests()).noneMatch(request -> request.path().equals(
          "/applications/" + discord.applicationId() + "/commands"));

      for (FakeGuild guild : guilds) {
        JsonNode embed = bot.awaitAnswer(discord.sendSlashCommand(
            SlashCommand.of("takeaways", FakeUser.human("user")).withOption("year", 2021).inGuild(guild))).at("/embeds/0");
        assertThat(embed.path("title").asText()).isEqualTo("KubeCon 2021 — key takeaways");
      }
    }
  }

  @Test
  void runsOnlyTheConfiguredShardsAndIsReadyOnlyWhileTheyAreConnected() {
    try (FakeDiscord discord = FakeDiscord.start()) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      DiscordBot bot = new DiscordBot(ConnectedBot.config(discord, null, 2, List.of(1)), CommandRegistry.standard(),
          AnswersWhenReady.of(ConnectedBot.answers(CommandRegistry.standard(), 100, registry)), registry);
      assertThat(bot.notReadyReason()).contains("discord not started");
      bot.start();
      ConnectedBot.awaitReady(bot);
      assertThat(discord.identifies()).extracting(identify -> identify.path("shard").toString()).containsExactly("[1,2]");
      bot.close();
      assertThat(bot.notReadyReason()).hasValueSatisfying(reason -> assertThat(reason).contains("0 of 1 shards"));
    }
  }
}

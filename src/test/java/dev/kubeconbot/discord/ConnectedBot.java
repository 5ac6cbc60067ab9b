package dev.kubeconbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.config.Secret;
import dev.kubeconbot.discord.fake.FakeDiscord;
import dev.kubeconbot.discord.fake.FakeGuild;
import dev.kubeconbot.discord.fake.Interaction;
import dev.kubeconbot.discord.fake.RecordedRequest;
import dev.kubeconbot.service.AnswerService;
import dev.kubeconbot.service.AnswersWhenReady;
import dev.kubeconbot.testing.Seeds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The real {@link DiscordBot} on the seed content, connected to a fake Discord through its configured
 * REST and gateway URLs, exactly as {@code DISCORD_API_URL} and {@code DISCORD_GATEWAY_URL} point it.
 */
final class ConnectedBot implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final int CALLBACK_MESSAGE = 4;
  static final int CALLBACK_DEFERRED_MESSAGE = 5;
  static final int CALLBACK_DEFERRED_UPDATE = 6;
  static final int CALLBACK_UPDATE_MESSAGE = 7;
  static final int CALLBACK_AUTOCOMPLETE = 8;
  static final int EPHEMERAL = 64;

  final FakeDiscord discord;
  final DiscordBot bot;
  final SimpleMeterRegistry registry;

  private ConnectedBot(FakeDiscord discord, DiscordBot bot, SimpleMeterRegistry registry) {
    this.discord = discord;
    this.bot = bot;
    this.registry = registry;
  }

  /** A bot on the standard commands with a generous rate limit, global commands, one connection. */
  static ConnectedBot start(FakeGuild... guilds) {
    return start(CommandRegistry.standard(), 1000, null, 1, guilds);
  }

  static ConnectedBot start(CommandRegistry commands, int answersPerMinute, Long guildId, int shardTotal,
      FakeGuild... guilds) {
    FakeDiscord discord = FakeDiscord.start(guilds);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DiscordBot bot = new DiscordBot(config(discord, guildId, shardTotal, List.of()), commands,
        AnswersWhenReady.of(answers(commands, answersPerMinute, registry)), registry);
    try {
      bot.start();
      awaitReady(bot);
    } catch (RuntimeException | Error e) {
      bot.close();
      discord.close();
      throw e;
    }
    return new ConnectedBot(discord, bot, registry);
  }

  /** The service over the seed content, with a per-user limit of {@code answersPerMinute}. */
  static AnswerService answers(CommandRegistry commands, int answersPerMinute, MeterRegistry registry) {
    return new AnswerService(new AnswerEngine(commands, Seeds.library()), 1000, Duration.ofMinutes(10),
        answersPerMinute, Duration.ofMinutes(1), registry, Ticker.systemTicker());
  }

  /** The configuration pointing at {@code discord}, as DISCORD_API_URL and DISCORD_GATEWAY_URL would. */
  static BotConfig.Discord config(FakeDiscord discord, Long guildId, int shardTotal, List<Integer> shardIds) {
    return new BotConfig.Discord(new Secret(FakeDiscord.TOKEN), discord.restBaseUrl(), discord.gatewayUrl(), guildId,
        shardTotal, shardIds);
  }

  static void awaitReady(DiscordBot bot) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (bot.notReadyReason().isPresent()) {
      assertThat(System.nanoTime()).as("ready in time: %s", bot.notReadyReason()).isLessThan(deadline);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * The message the bot answered an interaction with: the callback's, or, if it deferred, the edit of
   * the deferred response. Also checks every Discord limit on it.
   */
  JsonNode awaitAnswer(Interaction interaction) {
    RecordedRequest callback = discord.awaitCallback(interaction, TIMEOUT);
    int type = callback.json().path("type").asInt();
    JsonNode message = type == CALLBACK_DEFERRED_MESSAGE
        ? discord.awaitOriginalEdit(interaction, TIMEOUT).json()
        : callback.json().path("data");
    DiscordLimits.assertWithinLimits(message);
    return message;
  }

  @Override
  public void close() {
    bot.close();
    discord.close();
  }
}

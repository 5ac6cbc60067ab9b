package dev.kubeconbot.discord;

import static dev.kubeconbot.discord.ConnectedBot.CALLBACK_DEFERRED_MESSAGE;
import static dev.kubeconbot.discord.ConnectedBot.CALLBACK_MESSAGE;
import static dev.kubeconbot.discord.ConnectedBot.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeconbot.discord.fake.FakeDiscord;
import dev.kubeconbot.discord.fake.FakeUser;
import dev.kubeconbot.discord.fake.Interaction;
import dev.kubeconbot.discord.fake.RecordedRequest;
import dev.kubeconbot.discord.fake.SlashCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Discord's rate limit on the interaction callback does not make the first response late: the
 * callback is retried at the exact moment Discord names (JDA alone would wait the whole seconds of
 * {@code Retry-After}, 3 s here: too late), and while the limit lasts the bot defers at once and
 * answers by editing the deferred response.
 */
class DiscordCallbackRateLimitTest {

  /** Just over 2 s, which Discord's {@code Retry-After} rounds up to 3 (and JDA waits that). */
  private static final Duration RETRY_AFTER = Duration.ofMillis(2010);
  /** Below JDA's 3 s, with room for a loaded machine. */
  private static final Duration RETRIED_WITHIN = Duration.ofMillis(2700);

  @Test
  void aRateLimitedCallbackIsStillAcknowledgedInTimeAndThenAnswered() {
    FakeUser user = FakeUser.human("hasty");
    try (ConnectedBot bot = ConnectedBot.start()) {
      FakeDiscord discord = bot.discord;

      discord.rateLimitCallbacks(1, RETRY_AFTER);
      long start = System.nanoTime();
      Interaction help = discord.sendSlashCommand(SlashCommand.of("help", user));
      RecordedRequest reply = awaitAcknowledged(discord, help);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(RETRY_AFTER)
          .isLessThan(CallbackRateLimit.DEADLINE);
      assertThat(reply.json().path("type").asInt()).isEqualTo(CALLBACK_MESSAGE);
      assertThat(reply.json().at("/data/embeds/0/title").asText()).startsWith("kubecon-bot");

      // Discord is limiting callbacks now: the next one is a deferral, sent before the answer is computed.
      discord.rateLimitCallbacks(1, RETRY_AFTER);
      start = System.nanoTime();
      Interaction topic = discord.sendSlashCommand(SlashCommand.of("topic", user).withOption("name", "wasm"));
      RecordedRequest deferral = awaitAcknowledged(discord, topic);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CallbackRateLimit.DEADLINE);
      assertThat(deferral.json().path("type").asInt()).isEqualTo(CALLBACK_DEFERRED_MESSAGE);
      JsonNode answer = discord.awaitOriginalEdit(topic, TIMEOUT).json();
      DiscordLimits.assertWithinLimits(answer);
      assertThat(answer.at("/embeds/0/title").asText()).containsIgnoringCase("wasm");

      assertThat(bot.registry.counter("kubecon.bot.discord.callback.rate_limited", "outcome", "retried").count())
          .isEqualTo(2);
    }
  }

  /** The callback Discord accepted, retried as soon as Discord allowed after the one it refused with 429. */
  private static RecordedRequest awaitAcknowledged(FakeDiscord discord, Interaction interaction) {
    String path = "/interactions/" + interaction.id() + "/" + interaction.token() + "/callback";
    discord.awaitRequest(r -> r.path().equals(path) && r.status() == 429, TIMEOUT);
    long refused = System.nanoTime();
    RecordedRequest accepted = discord.awaitRequest(r -> r.path().equals(path) && r.status() == 200, TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - refused)).isLessThan(RETRIED_WITHIN);
    assertThat(discord.requests()).filteredOn(r -> r.path().equals(path)).extracting(RecordedRequest::status)
        .containsExactly(429, 200);
    return accepted;
  }
}

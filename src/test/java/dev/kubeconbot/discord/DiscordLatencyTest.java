package dev.kubeconbot.discord;

import static dev.kubeconbot.discord.ConnectedBot.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.discord.fake.FakeUser;
import dev.kubeconbot.discord.fake.Interaction;
import dev.kubeconbot.discord.fake.SlashCommand;
import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Interaction → callback latency of DM {@code /topic wasm} through the real JDA and the fake Discord:
 * printed, never asserted (timing depends on the machine). The answer cache makes all but the first cheap.
 * A benchmark, run with {@code -Pbenchmark}: on a loaded machine the bot rightly defers answers that
 * take over 1.5 s, which would fail the callback-type check for reasons that are not the bot's.
 */
@Tag("benchmark")
class DiscordLatencyTest {

  private static final int WARM_UP = 50;
  private static final int MEASURED = 200;

  @Test
  void measuresDmTopicInteractionToCallback() {
    try (ConnectedBot bot = ConnectedBot.start(CommandRegistry.standard(), 1000, null, 1)) {
      FakeUser user = FakeUser.human("latency");
      SlashCommand topic = SlashCommand.of("topic", user).withOption("name", "wasm");
      long[] nanos = new long[MEASURED];
      for (int i = -WARM_UP; i < MEASURED; i++) {
        long start = System.nanoTime();
        Interaction interaction = bot.discord.sendSlashCommand(topic);
        int type = bot.discord.awaitCallback(interaction, TIMEOUT).json().path("type").asInt();
        if (i >= 0) {
          nanos[i] = System.nanoTime() - start;
        }
        assertThat(type).isEqualTo(ConnectedBot.CALLBACK_MESSAGE);
      }
      Arrays.sort(nanos);
      System.out.printf("DM /topic wasm interaction -> callback over %d interactions: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          MEASURED, millis(nanos, 0.50), millis(nanos, 0.99), nanos[MEASURED - 1] / 1e6);
      Timer inBot = bot.registry.get("kubecon.bot.discord.response").tag("deferred", "false").timer();
      System.out.printf("  of which in the bot (event handled -> callback sent and acknowledged): mean %.2f ms over %d%n",
          inBot.mean(TimeUnit.MILLISECONDS), inBot.count());
    }
  }

  private static double millis(long[] sorted, double percentile) {
    return sorted[(int) Math.ceil(percentile * sorted.length) - 1] / 1e6;
  }
}

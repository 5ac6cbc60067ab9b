package dev.kubeconbot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.testing.Seeds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AnswerServiceTest {

  private final AtomicLong nanos = new AtomicLong();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private AnswerService service(int cacheSize, int answersPerWindow) {
    return new AnswerService(Seeds.engine(), cacheSize, Duration.ofMinutes(10), answersPerWindow,
        Duration.ofSeconds(10), registry, nanos::get);
  }

  private static Reply.Answered answered(Reply reply) {
    assertThat(reply).isInstanceOf(Reply.Answered.class);
    return (Reply.Answered) reply;
  }

  @Test
  void aRepeatedQuestionComesFromTheCacheWithItsOwnWording() {
    AnswerService service = service(100, 100);
    Reply.Answered first = answered(service.ask("u1", "/topic wasm", null));
    Reply.Answered second = answered(service.ask("u2", "  /topic wasm ", null));
    assertThat(first.cached()).isFalse();
    assertThat(second.cached()).isTrue();
    assertThat(second.answer().quotes()).isEqualTo(first.answer().quotes());
    assertThat(second.answer().query()).isEqualTo("  /topic wasm ");
    assertThat(registry.get("cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(1);

    Reply.Answered slash = answered(service.run("u1", "topic", Map.of("name", "wasm"), "/topic wasm", Lang.EN));
    assertThat(slash.cached()).isFalse();
    assertThat(answered(service.run("u1", "topic", Map.of("name", "wasm"), "/topic wasm", Lang.EN)).cached()).isTrue();
  }

  @Test
  void sizeZeroDisablesTheCache() {
    AnswerService service = service(0, 100);
    service.ask("u", "/topic wasm", null);
    assertThat(answered(service.ask("u", "/topic wasm", null)).cached()).isFalse();
  }

  @Test
  void overLongTextIsAnsweredButNotCached() {
    AnswerService service = service(100, 100);
    String text = "wasm ".repeat(500);
    assertThat(answered(service.ask("u", text, null)).answer().message()).contains("2500");
    assertThat(answered(service.ask("u", text, null)).cached()).isFalse();
  }

  @Test
  void theNextAnswerAfterTheLimitIsAPoliteRetryMessageUntilTheWindowPasses() {
    AnswerService service = service(100, 3);
    for (int i = 0; i < 3; i++) {
      answered(service.ask("alice", "wasm " + i, null));
    }
    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    Reply limited = service.ask("alice", "wasm", null);
    assertThat(limited).isInstanceOf(Reply.RateLimited.class);
    Reply.RateLimited slowDown = (Reply.RateLimited) limited;
    assertThat(slowDown.retryAfterSeconds()).isEqualTo(6);
    assertThat(slowDown.message()).isEqualTo("You are asking quickly — try again in 6 s.");
    assertThat(((Reply.RateLimited) service.ask("alice", "可观测性", null)).message()).contains("6");
    // Others are not limited by alice.
    answered(service.ask("bob", "wasm", null));
    assertThat(registry.get("kubecon.bot.requests").tag("outcome", "rate_limited").counter().count()).isEqualTo(2);

    nanos.addAndGet(Duration.ofSeconds(6).toNanos());
    answered(service.ask("alice", "wasm", null));
  }

  @Test
  void aFrontEndWithItsOwnLimitSharesTheCacheButNotTheBuckets() {
    AnswerService discord = service(100, 1);
    AnswerService http = discord.withRateLimit(new BotConfig.RateLimit(3, Duration.ofSeconds(10)));
    answered(discord.ask("u", "/topic wasm", null));
    assertThat(discord.ask("u", "/topic wasm", null)).isInstanceOf(Reply.RateLimited.class);
    assertThat(answered(http.ask("u", "/topic wasm", null)).cached()).isTrue();
    answered(http.ask("u", "wasm 1", null));
    answered(http.ask("u", "wasm 2", null));
    assertThat(http.ask("u", "wasm 3", null)).isInstanceOf(Reply.RateLimited.class);
    assertThat(registry.get("kubecon.bot.requests").tag("outcome", "answered").counters())
        .extracting(c -> c.getId().getTag("command") + "=" + (long) c.count())
        .containsExactlyInAnyOrder("topic=2", "ask=2");
  }

  @Test
  void helpAndHowToAskAreAnsweredAndOnlyAnEmptySearchIsNoQuotes() {
    AnswerService service = service(100, 100);
    for (String text : java.util.List.of("/help", "", "/frobnicate", "takeaways 1999", "/topic ？", "/topic wasm")) {
      answered(service.ask("u", text, null));
    }
    answered(service.ask("u", "/topic qwxzvq", null));
    assertThat(registry.get("kubecon.bot.requests").tag("outcome", "answered").counters())
        .extracting(c -> c.getId().getTag("command") + "=" + (long) c.count())
        .containsExactlyInAnyOrder("help=3", "takeaways=1", "topic=2");
    assertThat(registry.get("kubecon.bot.requests").tag("outcome", "no_quotes").counter().getId().getTag("command"))
        .isEqualTo("topic");
  }

  @Test
  void indexGaugesFollowTheLibrary() {
    service(10, 10);
    assertThat(registry.get("kubecon.bot.index.articles").gauge().value()).isEqualTo(5);
    assertThat(registry.get("kubecon.bot.index.passages").gauge().value()).isPositive();
    assertThat(registry.get("kubecon.bot.index.skipped.files").gauge().value()).isZero();
  }

  @Test
  void aFloodOfRefusedRequestsWritesAboutOneLogLineASecond() {
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(AnswerService.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    log.addAppender(lines);
    try {
      AnswerService service = service(100, 1);
      answered(service.ask("flood", "wasm", null));
      for (int i = 0; i < 5_000; i++) {
        service.ask("flood", "wasm", null);
      }
      assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().contains("rate_limited"))
          .hasSizeBetween(1, 3)
          .first().extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).asString()
          .contains("count=");
      assertThat(registry.get("kubecon.bot.requests").tag("outcome", "rate_limited").counter().count()).isEqualTo(5_000);
    } finally {
      log.detachAppender(lines);
    }
  }
}

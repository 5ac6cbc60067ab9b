package dev.kubeconbot.app;

import static dev.kubeconbot.testing.RunningBot.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.Command;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.answer.CommandSpec;
import dev.kubeconbot.answer.Invocation;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.testing.FakeFrontEnd;
import dev.kubeconbot.testing.RunningBot;
import dev.kubeconbot.testing.Seeds;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up, readiness and graceful shutdown of the whole bot, over real HTTP. */
class BotAppTest {

  /** A token-shaped fake: enables the front ends. */
  private static final Map<String, String> DISCORD = Map.of("DISCORD_TOKEN", "fake-token-for-tests");

  @TempDir
  Path configDir;

  private BotConfig config(Map<String, String> env) {
    return RunningBot.config(configDir, env);
  }

  @Test
  void aliveAtOnceButReadyOnlyOnceTheIndexIsBuilt() {
    CompletableFuture<Void> indexGate = new CompletableFuture<>();
    BotApp.EngineLoader heldBack = () -> {
      indexGate.join();
      return Seeds.engine();
    };
    try (RunningBot bot = RunningBot.start(config(Map.of()), heldBack, (c, a, r) -> List.of())) {
      assertThat(bot.get("/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> building = bot.get("/readyz");
      assertThat(building.statusCode()).isEqualTo(503);
      assertThat(json(building).get("status").asText()).isEqualTo("not ready");
      assertThat(json(building).get("reason").asText()).isEqualTo("index building");
      HttpResponse<String> ask = bot.get("/api/ask?q=wasm");
      assertThat(ask.statusCode()).isEqualTo(503);
      assertThat(ask.headers().firstValue("Retry-After")).contains("1");
      assertThat(json(ask).get("error").asText()).isEqualTo("not ready: index building");
      assertThat(bot.get("/metrics").statusCode()).isEqualTo(200);

      indexGate.complete(null);
      bot.served.join();
      assertThat(bot.get("/readyz").statusCode()).isEqualTo(200);
      assertThat(bot.get("/api/ask?q=wasm").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withATokenReadinessWaitsForEveryFrontEnd() {
    FakeFrontEnd discord = new FakeFrontEnd();
    discord.letClose.countDown();
    try (RunningBot bot = RunningBot.start(config(DISCORD), Seeds::engine, (c, a, r) -> List.of(discord))) {
      bot.served.join();
      assertThat(discord.started).isTrue();
      HttpResponse<String> connecting = bot.get("/readyz");
      assertThat(connecting.statusCode()).isEqualTo(503);
      assertThat(json(connecting).get("reason").asText()).isEqualTo("fake: gateway not connected");
      // HTTP answers do not wait for Discord.
      assertThat(bot.get("/api/ask?q=wasm").statusCode()).isEqualTo(200);

      discord.notReady = null;
      assertThat(bot.get("/readyz").statusCode()).isEqualTo(200);
    }
    assertThat(discord.closed).isTrue();
  }

  @Test
  void withoutATokenNoFrontEndIsCreated() {
    try (RunningBot bot = RunningBot.start(config(Map.of()), Seeds::engine, (c, a, r) -> {
      throw new AssertionError("front ends are for Discord only");
    })) {
      bot.served.join();
      assertThat(bot.get("/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shutdownTurnsReadinessAndLivenessOffAndStopsAcceptingFirstThenClosesFrontEndsThenHttp() throws Exception {
    FakeFrontEnd discord = new FakeFrontEnd();
    discord.notReady = null;
    RunningBot bot = RunningBot.start(config(DISCORD), Seeds::engine, (c, a, r) -> List.of(discord));
    bot.served.join();
    assertThat(bot.get("/readyz").statusCode()).isEqualTo(200);
    int port = bot.app().address().getPort();

    Thread stopping = Thread.ofVirtual().start(bot.app()::stop);
    assertThat(discord.closing.await(5, TimeUnit.SECONDS)).isTrue();
    // The front end is still closing: not ready, not alive, and no new connections are accepted.
    assertThat(bot.app().notReadyReason()).contains("shutting down");
    assertThat(bot.app().alive()).isFalse();
    awaitRefused(port);

    discord.letClose.countDown();
    stopping.join(5_000);
    assertThat(stopping.isAlive()).isFalse();
    assertThat(discord.closed).isTrue();
    assertThatThrownBy(() -> bot.get("/healthz")).hasCauseInstanceOf(ConnectException.class);
    bot.app().stop(); // a second stop returns at once
  }

  @Test
  void anAnswerUnderWayFinishesBeforeHttpCloses() throws Exception {
    CountDownLatch answering = new CountDownLatch(1);
    CountDownLatch letAnswer = new CountDownLatch(1);
    Command slow = new Command() {
      @Override
      public CommandSpec spec() {
        return new CommandSpec("slow", List.of());
      }

      @Override
      public Answer answer(Invocation call) {
        answering.countDown();
        try {
          letAnswer.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Answer.message("slow", call.query(), "Slow", "done");
      }
    };
    BotApp.EngineLoader engine = () -> new AnswerEngine(new CommandRegistry(List.of(slow)), Seeds.library());
    RunningBot bot = RunningBot.start(config(Map.of()), engine, (c, a, r) -> List.of());
    bot.served.join();

    CompletableFuture<HttpResponse<String>> underWay = bot.getAsync("/api/ask?q=slow");
    assertThat(answering.await(5, TimeUnit.SECONDS)).isTrue();
    int port = bot.app().address().getPort();
    Thread stopping = Thread.ofVirtual().start(bot.app()::stop);
    awaitRefused(port);
    assertThat(underWay).isNotDone();

    letAnswer.countDown();
    HttpResponse<String> answered = underWay.get(5, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(json(answered).get("message").asText()).isEqualTo("done");
    stopping.join(5_000);
    assertThat(stopping.isAlive()).isFalse();
  }

  @Test
  void contentThatCannotBeLoadedFailsServeButHttpStaysUpUntilStopped() {
    ContentException missing = new ContentException("content folder missing does not exist", null);
    try (RunningBot bot = RunningBot.start(config(Map.of()), () -> {
      throw missing;
    }, (c, a, r) -> List.of())) {
      assertThat(bot.served).failsWithin(java.time.Duration.ofSeconds(5)).withThrowableThat().havingCause()
          .isSameAs(missing);
      assertThat(bot.get("/readyz").statusCode()).isEqualTo(503);
    }
  }

  /** Waits until connecting to {@code port} on loopback is refused: HTTP has stopped accepting. */
  private static void awaitRefused(int port) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < until) {
      try {
        new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port).close();
        Thread.sleep(20);
      } catch (java.io.IOException refused) {
        return;
      }
    }
    throw new AssertionError("still accepting connections on port " + port);
  }
}

package dev.kubeconbot.app;

import static dev.kubeconbot.testing.RunningBot.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.testing.CapturedLog;
import dev.kubeconbot.testing.RunningBot;
import dev.kubeconbot.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing the content while serving: a new index is built in the background and swapped in whole. */
class ContentReloadTest {

  @TempDir
  Path configDir;

  @TempDir
  Path content;

  private static boolean answersWith(java.net.http.HttpResponse<String> response, String text) {
    return response.statusCode() == 200 && json(response).get("answers").toString().contains(text);
  }

  @Test
  void aChangedFolderIsReloadedWhileAnswersKeepComing() throws Exception {
    Files.writeString(content.resolve("gitops.md"),
        "---\nevent: KubeCon EU 2021\n---\n# GitOps\n\nGitOps continues to shine as a way to declare infrastructure in Git.\n");
    BotApp.LibraryLoader loader = () -> Library.load(Seeds.CONFIG, List.of(content));
    try (CapturedLog log = CapturedLog.of(ContentLoader.class);
        RunningBot bot = RunningBot.start(RunningBot.config(configDir, Map.of("HTTP_RATE_LIMIT_ANSWERS", "10000")),
            () -> new AnswerEngine(CommandRegistry.standard(), loader.load()), (c, a, r) -> List.of())) {
      bot.app().reloadOnChange(List.of(content), loader);
      bot.served.join();
      assertThat(json(bot.get("/api/ask?q=/topic%20wasm")).get("answers")).isEmpty();

      Path sub = Files.createDirectories(content.resolve("2022"));
      Files.writeString(sub.resolve("wasm.md"),
          "---\nevent: KubeCon EU 2022\n---\n# Wasm\n\nWebAssembly offers a build once, run anywhere path for servers.\n");
      bot.await("/api/ask?q=/topic%20wasm", response -> answersWith(response, "build once, run anywhere"));
      assertThat(bot.get("/readyz").statusCode()).isEqualTo(200);

      // A broken file is skipped on reload; the rest stays.
      Files.writeString(content.resolve("broken.md"), "---\ntitle: [oops\n---\ntext\n");
      Files.delete(content.resolve("gitops.md"));
      bot.await("/api/ask?q=/topic%20gitops", response -> json(response).get("answers").isEmpty());
      assertThat(answersWith(bot.get("/api/ask?q=/topic%20wasm"), "build once, run anywhere")).isTrue();
      assertThat(log.messages()).isNotEmpty()
          .allSatisfy(line -> assertThat(line).startsWith("Skipping content file " + content.resolve("broken.md")));
    }
  }

  private static final String GITOPS =
      "---\nevent: KubeCon EU 2021\n---\n# GitOps\n\nGitOps continues to shine as a way to declare infrastructure in Git.\n";

  private RunningBot reloading(BotApp.LibraryLoader loader) {
    RunningBot bot = RunningBot.start(RunningBot.config(configDir, Map.of("RATE_LIMIT_ANSWERS", "10000")),
        () -> new AnswerEngine(CommandRegistry.standard(), loader.load()), (c, a, r) -> List.of());
    bot.app().reloadOnChange(List.of(content), loader);
    bot.served.join();
    return bot;
  }

  private static boolean reloadFailed(java.net.http.HttpResponse<String> readiness) {
    return readiness.statusCode() == 200 && json(readiness).path("content").asText().startsWith("last reload failed");
  }

  @Test
  void aReloadThatWouldLeaveTheBotBlankIsRefused() throws Exception {
    Files.writeString(content.resolve("gitops.md"), GITOPS);
    try (RunningBot bot = reloading(() -> Library.load(Seeds.CONFIG, List.of(content)))) {
      assertThat(json(bot.get("/readyz")).has("content")).isFalse();

      // Every file bad: refused, the previous content stays, readiness says why.
      Files.writeString(content.resolve("gitops.md"), "---\ntitle: [oops\n---\ntext\n");
      bot.await("/readyz", ContentReloadTest::reloadFailed);
      assertThat(answersWith(bot.get("/api/ask?q=/topic%20gitops"), "declare infrastructure")).isTrue();
      assertThat(bot.get("/metrics").body())
          .contains("kubecon_bot_content_reload_failing 1.0").containsPattern("kubecon_bot_content_reloads_total\\{outcome=\"failed\"} [1-9]");

      // Emptied: refused too.
      Files.delete(content.resolve("gitops.md"));
      Files.writeString(content.resolve("notes.txt"), "not an article");
      bot.await("/readyz", response -> reloadFailed(response) && json(response).get("content").asText().contains("0 files"));
      assertThat(answersWith(bot.get("/api/ask?q=/topic%20gitops"), "declare infrastructure")).isTrue();

      // A good reload clears it.
      Files.writeString(content.resolve("gitops.md"), GITOPS.replace("shine", "glow"));
      bot.await("/api/ask?q=/topic%20gitops", response -> answersWith(response, "continues to glow"));
      // The warning is cleared just after the swap, so the new content may show a moment before.
      bot.await("/readyz", response -> !json(response).has("content"));
      assertThat(bot.get("/metrics").body()).contains("kubecon_bot_content_reload_failing 0.0");
    }
  }

  @Test
  void startingWithNoArticlesIsNotReadyUntilSomeArrive() throws Exception {
    Files.writeString(content.resolve("broken.md"), "---\ntitle: [oops\n---\ntext\n");
    try (RunningBot bot = reloading(() -> Library.load(Seeds.CONFIG, List.of(content)))) {
      java.net.http.HttpResponse<String> readiness = bot.get("/readyz");
      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(json(readiness).get("reason").asText()).isEqualTo("content: no articles loaded (1 files skipped)");
      assertThat(bot.get("/healthz").statusCode()).isEqualTo(200);

      Files.writeString(content.resolve("gitops.md"), GITOPS);
      bot.await("/readyz", response -> response.statusCode() == 200);
    }
  }
}

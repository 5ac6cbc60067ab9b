package dev.kubeconbot.app;

import static dev.kubeconbot.testing.RunningBot.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.testing.CapturedLog;
import dev.kubeconbot.testing.ConfigMapVolume;
import dev.kubeconbot.testing.RunningBot;
import dev.kubeconbot.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** A bot on {@code folder}, reloading when it changes. */
  private RunningBot reloading(Path folder) {
    BotApp.LibraryLoader loader = () -> Library.load(Seeds.CONFIG, List.of(folder));
    RunningBot bot = RunningBot.start(RunningBot.config(configDir, Map.of("RATE_LIMIT_ANSWERS", "10000", "HTTP_RATE_LIMIT_ANSWERS", "10000")),
        () -> new AnswerEngine(CommandRegistry.standard(), loader.load()), (c, a, r) -> List.of());
    bot.app().reloadOnChange(List.of(folder), loader);
    bot.served.join();
    return bot;
  }

  private static boolean reloadFailed(java.net.http.HttpResponse<String> readiness) {
    return readiness.statusCode() == 200 && json(readiness).path("content").asText().startsWith("last reload failed");
  }

  @Test
  void aReloadThatWouldLeaveTheBotBlankIsRefused() throws Exception {
    Files.writeString(content.resolve("gitops.md"), GITOPS);
    try (CapturedLog skips = CapturedLog.of(ContentLoader.class); CapturedLog refusals = CapturedLog.of(BotApp.class);
        RunningBot bot = reloading(content)) {
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
      assertThat(skips.messages()).isNotEmpty()
          .allSatisfy(line -> assertThat(line).startsWith("Skipping content file " + content.resolve("gitops.md")));
      assertThat(refusals.messages().stream().filter(line -> line.startsWith("content reload refused")))
          .contains("content reload refused, still answering from the previous content: it has no articles (1 files skipped)",
              "content reload refused, still answering from the previous content: it has no articles (0 files skipped)");
    }
  }

  @Test
  void startingWithNoArticlesIsNotReadyUntilSomeArrive() throws Exception {
    Files.writeString(content.resolve("broken.md"), "---\ntitle: [oops\n---\ntext\n");
    try (CapturedLog skips = CapturedLog.of(ContentLoader.class); CapturedLog app = CapturedLog.of(BotApp.class);
        RunningBot bot = reloading(content)) {
      java.net.http.HttpResponse<String> readiness = bot.get("/readyz");
      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(json(readiness).get("reason").asText()).isEqualTo("content: no articles loaded (1 files skipped)");
      assertThat(bot.get("/healthz").statusCode()).isEqualTo(200);

      Files.writeString(content.resolve("gitops.md"), GITOPS);
      bot.await("/readyz", response -> response.statusCode() == 200);
      assertThat(skips.messages()).isNotEmpty()
          .allSatisfy(line -> assertThat(line).startsWith("Skipping content file " + content.resolve("broken.md")));
      assertThat(app.messages())
          .contains("content: no articles loaded (1 files skipped); not ready until a reload brings some");
    }
  }

  private static String gitops(String verb) {
    return GITOPS.replace("shine", verb);
  }

  private static final String WASM =
      "---\nevent: KubeCon EU 2022\n---\n# Wasm\n\nWebAssembly offers a build once, run anywhere path for servers.\n";

  /** The titles /sources lists, one per indexed article. */
  private static List<String> sources(RunningBot bot) {
    List<String> titles = new java.util.ArrayList<>();
    json(bot.get("/api/ask?q=/sources")).get("answers").forEach(item -> titles.add(item.get("title").asText()));
    return titles;
  }

  @Test
  void aConfigMapVolumeIsReadOnceAndReloadsOnEachAtomicSwap(@TempDir Path volumes) {
    Path mount = volumes.resolve("content");
    ConfigMapVolume volume = ConfigMapVolume.mount(mount, Map.of("gitops.md", GITOPS, "wasm.md", WASM));
    try (RunningBot bot = reloading(mount)) {
      assertThat(sources(bot)).containsExactlyInAnyOrder("GitOps", "Wasm");

      volume.update(Map.of("gitops.md", gitops("glow"), "wasm.md", WASM,
          "mesh.md", "---\nevent: KubeCon NA 2023\n---\n# Mesh\n\nService mesh adoption grew among large platform teams.\n"));
      bot.await("/api/ask?q=/topic%20gitops", response -> answersWith(response, "continues to glow"));
      assertThat(sources(bot)).containsExactlyInAnyOrder("GitOps", "Wasm", "Mesh");

      // And the next swap too: the watch outlives the data folder it started on.
      volume.update(Map.of("gitops.md", gitops("gleam")));
      bot.await("/api/ask?q=/topic%20gitops", response -> answersWith(response, "continues to gleam"));
      assertThat(sources(bot)).containsExactly("GitOps");
    }
  }

  @Test
  void aFolderDeletedAndMadeAgainStillReloads(@TempDir Path parent) throws Exception {
    Path folder = Files.createDirectories(parent.resolve("content"));
    Files.writeString(folder.resolve("gitops.md"), GITOPS);
    try (CapturedLog log = CapturedLog.of(BotApp.class); RunningBot bot = reloading(folder)) {
      Files.delete(folder.resolve("gitops.md"));
      Files.delete(folder);
      bot.await("/readyz", ContentReloadTest::reloadFailed);
      assertThat(answersWith(bot.get("/api/ask?q=/topic%20gitops"), "continues to shine")).isTrue();
      assertThat(log.messages()).anySatisfy(line -> assertThat(line)
          .startsWith("content reload refused, still answering from the previous content: content folder " + folder));

      Files.createDirectory(folder);
      Files.writeString(folder.resolve("gitops.md"), gitops("glow"));
      bot.await("/api/ask?q=/topic%20gitops", response -> answersWith(response, "continues to glow"));
      // The folder made again is watched itself, not only seen coming back.
      Files.writeString(folder.resolve("gitops.md"), gitops("gleam"));
      bot.await("/api/ask?q=/topic%20gitops", response -> answersWith(response, "continues to gleam"));
      bot.await("/readyz", response -> !json(response).has("content"));
    }
  }

  @Test
  void aFolderThatIsALinkFollowsTheLinkWhenItIsRepointed(@TempDir Path parent) throws Exception {
    Path first = Files.createDirectories(parent.resolve("release-1"));
    Path second = Files.createDirectories(parent.resolve("release-2"));
    Files.writeString(first.resolve("gitops.md"), GITOPS);
    Files.writeString(second.resolve("gitops.md"), gitops("glow"));
    Path link = Files.createSymbolicLink(parent.resolve("content"), first);
    try (RunningBot bot = reloading(link)) {
      assertThat(answersWith(bot.get("/api/ask?q=/topic%20gitops"), "continues to shine")).isTrue();

      // As a deploy tool switches releases: a new link renamed over the old one.
      Path next = Files.createSymbolicLink(parent.resolve("content.next"), second);
      Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      bot.await("/api/ask?q=/topic%20gitops", response -> answersWith(response, "continues to glow"));

      Files.writeString(second.resolve("gitops.md"), gitops("gleam"));
      bot.await("/api/ask?q=/topic%20gitops", response -> answersWith(response, "continues to gleam"));
    }
  }

  @Test
  void aFolderThatIsALinkStillReloadsAfterItsTargetIsDeletedAndMadeAgain(@TempDir Path parent) throws Exception {
    Path target = Files.createDirectories(parent.resolve("releases").resolve("current"));
    Files.writeString(target.resolve("gitops.md"), GITOPS);
    Path link = Files.createSymbolicLink(parent.resolve("content"), target);
    try (CapturedLog log = CapturedLog.of(BotApp.class); RunningBot bot = reloading(link)) {
      // As a deploy script that replaces the folder: rm -rf releases/current, then copy the new one.
      Files.delete(target.resolve("gitops.md"));
      Files.delete(target);
      bot.await("/readyz", ContentReloadTest::reloadFailed);
      Files.createDirectory(target);
      Files.writeString(target.resolve("gitops.md"), gitops("glow"));
      bot.await("/api/ask?q=/topic%20gitops", response -> answersWith(response, "continues to glow"));

      Files.writeString(target.resolve("gitops.md"), gitops("gleam"));
      bot.await("/api/ask?q=/topic%20gitops", response -> answersWith(response, "continues to gleam"));
      assertThat(log.messages()).anySatisfy(line -> assertThat(line).startsWith("content reload refused"));
    }
  }
}

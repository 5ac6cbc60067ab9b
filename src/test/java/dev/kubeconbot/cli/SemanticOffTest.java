package dev.kubeconbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code SEARCH_SEMANTIC=false} the bot never loads ONNX Runtime: watched from outside, in a JVM
 * of its own (this test JVM loads the models for other tests), by the JVM's class-loading log.
 */
class SemanticOffTest {

  @Test
  void serveWithSemanticSearchOffNeverLoadsOnnxRuntime(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes.log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + classes, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve")
        .redirectErrorStream(true);
    builder.environment().put("SEARCH_SEMANTIC", "false");
    builder.environment().put("SEARCH_VECTOR_CACHE", dir.resolve("vectors").toString());
    builder.environment().put("HTTP_PORT", "0");
    builder.environment().put("HTTP_HOST", "127.0.0.1");
    builder.environment().remove("DISCORD_TOKEN");
    Process bot = builder.start();
    try (BufferedReader log = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = log.readLine();
      } while (line != null && !line.contains("BotApp - started"));
      assertThat(line).as("serve started").isNotNull().contains("ready");
      // Anything the background might load would follow readiness: give it a moment, as a user would.
      Thread.sleep(1_000);
    } finally {
      bot.destroy();
      bot.waitFor(20, TimeUnit.SECONDS);
    }
    List<String> loaded = Files.readAllLines(classes);
    assertThat(loaded).as("the class-loading log works").anyMatch(l -> l.contains("org.apache.lucene.index.IndexWriter "));
    assertThat(loaded).noneMatch(l -> l.contains("ai.onnxruntime.") || l.contains("dev.kubeconbot.search.OnnxEncoder")
        || l.contains("ai.djl."));
    assertThat(dir.resolve("vectors")).doesNotExist();
  }
}

package dev.kubeconbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeconbot.testing.CapturedLog;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AskCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private static Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return new Run(cli.execute(args), out.toString(), err.toString());
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void jsonPrintsOneObjectPerQueryInTheDocumentedShape() throws Exception {
    Run run = run("", "ask", "--json", "/topic wasm", "takeaways 2017");
    assertThat(run.exitCode()).isZero();
    assertThat(run.lines()).hasSize(2);
    JsonNode topic = JSON.readTree(run.lines().get(0));
    assertThat(topic.get("query").asText()).isEqualTo("/topic wasm");
    assertThat(topic.get("command").asText()).isEqualTo("topic");
    assertThat(topic.has("message")).isFalse();
    JsonNode first = topic.get("answers").get(0);
    assertThat(first.fieldNames()).toIterable()
        .containsExactly("title", "url", "event", "year", "region", "quote", "score");
    assertThat(first.get("event").asText()).isEqualTo("KubeCon EU 2022");
    assertThat(first.get("year").asInt()).isEqualTo(2022);
    assertThat(first.get("region").asText()).isEqualTo("EU");
    assertThat(first.get("url").asText()).startsWith("https://thenewstack.io/");
    assertThat(first.get("quote").asText()).containsIgnoringCase("wasm").doesNotContain("](", "<svg");

    JsonNode none = JSON.readTree(run.lines().get(1));
    assertThat(none.get("answers")).isEmpty();
    assertThat(none.get("message").asText()).contains("2019");
  }

  @Test
  void readsOneQueryPerLineFromStandardInput() throws Exception {
    Run run = run("/topic GitOps\n\ntakeaways 2019\n", "ask", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.lines()).hasSize(2);
    assertThat(JSON.readTree(run.lines().get(0)).get("command").asText()).isEqualTo("topic");
    assertThat(JSON.readTree(run.lines().get(1)).get("command").asText()).isEqualTo("takeaways");
  }

  @Test
  void textOutputIsForPeople() {
    Run run = run("", "ask", "/takeaways 2019");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("KubeCon 2019 — key takeaways", "1. 多平台和混合云（仍然）是一件事",
        "https://blog.getambassador.io/kubecon-eu-2019-top-10-takeaways-123b5fcb30a8");
  }

  @Test
  void contentReplacesTheContentFolderAndAMissingOneFailsTheRun(@TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("only.md"), "---\nevent: KubeCon NA 2023\n---\n# Only\n\nPlatform engineering was everywhere.\n");
    Run run = run("", "ask", "--json", "--content", dir.toString(), "/sources");
    assertThat(run.exitCode()).isZero();
    assertThat(JSON.readTree(run.out()).get("answers")).hasSize(1);

    Run missing = run("", "ask", "--content", dir.resolve("missing").toString(), "/sources");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("missing");
  }

  @Test
  void optionsMayBeLabelledAsHelpShowsThem() {
    Run run = run("", "ask", "/takeaways year:2019 region:EU");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("== KubeCon EU 2019 — key takeaways ==").doesNotContain("not a region");
  }

  @Test
  void quietUnlessVerbose() {
    try (CapturedLog log = CapturedLog.named("dev.kubeconbot")) {
      assertThat(run("", "ask", "/sources").exitCode()).isZero();
      assertThat(log.messages()).as("without --verbose").isEmpty();
      assertThat(run("", "ask", "--verbose", "/sources").exitCode()).isZero();
      assertThat(log.messages()).anySatisfy(line -> assertThat(line).endsWith(": title from first heading"));
    }
  }
}

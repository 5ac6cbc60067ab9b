package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link YamlTree#read} builds, from the parser's tokens, the tree {@code YAMLMapper.readTree} builds:
 * for every bundled configuration file and for YAML of every kind of value.
 */
class YamlTreeTest {

  private static final YAMLMapper MAPPER = new YAMLMapper();

  static Stream<String> bundledFiles() throws IOException {
    try (Stream<Path> files = Files.list(Seeds.CONFIG)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).map(Path::toString).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("bundledFiles")
  void aBundledFileIsTheTreeTheMapperReads(String file) throws IOException {
    byte[] yaml = Files.readAllBytes(Path.of(file));
    assertThat(YamlTree.read(yaml)).isNotEmpty().isEqualTo(MAPPER.readTree(yaml));
  }

  static List<String> snippets() {
    return List.of(
        "", "---\n", "# only a comment\n", "~", "plain", "'quoted: text'", "42", "-7", "12345678901",
        "123456789012345678901234567890", "1.5", "-0.25e3", "1e400", ".inf", ".nan", "true", "false", "yes", "on",
        "null", "a: 1\na: 2\n", "a: [1, two, 3.0, null, true]\n", "a: {b: {c: [x, {d: e}]}}\n",
        "list:\n  - one\n  - two: 2\n    three: [3]\n  -\n  - ''\n", "empty: {}\nnone: []\n",
        "base: &anchor {x: 1}\nother: *anchor\n", "text: |\n  two\n  lines\n", "folded: >\n  one\n  line\n",
        "zh: 可观测性\nkey with spaces: value\n\"quoted key\": 1\n", "first: 1\n---\nsecond: 2\n",
        "bin: !!binary aGVsbG8=\n", "date: 2024-03-19\n", "n: 0x1F\no: 0o17\n", "'1': one\n2: two\n");
  }

  @ParameterizedTest
  @MethodSource("snippets")
  void aSnippetIsTheTreeTheMapperReads(String yaml) throws IOException {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    JsonNode expected;
    try {
      expected = MAPPER.readTree(bytes);
    } catch (JacksonException refused) { // .inf and .nan: the parser refuses them, whoever asks
      assertThatThrownBy(() -> YamlTree.read(bytes)).as(yaml).isInstanceOf(JacksonException.class);
      return;
    }
    assertThat(YamlTree.read(bytes)).as(yaml).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a: [1, 2\n", "a: b: c\n", "- a\nb: c\n", "{unclosed\n"})
  void notYamlFailsAsTheMapperFails(String yaml) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> MAPPER.readTree(bytes)).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> YamlTree.read(bytes)).isInstanceOf(JacksonException.class);
  }
}
